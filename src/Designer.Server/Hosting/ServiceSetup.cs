using Designer.Server.Record;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Designer.Engine.Runtime;
using Designer.Persistence;
using Designer.Persistence.Entities;
using Designer.Server.Applications;
using Designer.Server.Audit;
using Designer.Server.Auth;
using Designer.Server.Committee;
using Designer.Server.Forms;
using Designer.Server.Public;
using Designer.Server.Seeding;
using Designer.Server.Timers;
using Designer.Server.Workflows;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using OpenIddict.Validation.AspNetCore;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Designer.Server.Hosting;

public static class ServiceSetup
{
    public const string SmartScheme = "Designer";

    public static void AddDesigner(this WebApplicationBuilder builder, string root)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<DesignerOptions>(configuration.GetSection("Designer"));
        services.PostConfigure<DesignerOptions>(o => o.Root = root);
        services.Configure<SeedOptions>(configuration.GetSection("Seed"));
        services.Configure<AuthOptions>(configuration.GetSection("Auth"));
        services.Configure<LimitOptions>(configuration.GetSection("Limits"));
        services.Configure<TimerOptions>(configuration.GetSection("Timers"));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));

        // Configuration is read when services are resolved, not now: a test host adds its settings at Build().
        services.AddDbContext<DesignerDbContext>((provider, o) => DatabaseSetup.Configure(o, provider, root));
        services.AddSingleton<INodeLocks>(provider => DatabaseSetup.NodeLocks(provider.GetRequiredService<IConfiguration>()));
        services.AddDataProtection().SetApplicationName("Designer").PersistKeysToDbContext<DesignerDbContext>();
        services.AddDesignerEdge(configuration);

        AddIdentity(services);
        services.AddOidc(configuration, builder.Environment);

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<EngineHost.EngineHost>();
        services.AddSingleton<Calendar.CalendarStore>();
        services.AddSingleton<World.WorldVocabulary>();
        services.AddSingleton<FormCatalogs>();
        services.AddSingleton<TimerSweeper>();
        services.AddHostedService<TimerService>();
        services.AddScoped<WorkflowStore>();
        services.AddScoped<StepHolders>();
        services.AddScoped<FormStore>();
        services.AddScoped<ApplicationRunner>();
        services.AddScoped<Notifications.NotificationCentre>();
        services.AddSingleton<Notifications.INotificationSender>(provider =>
            provider.GetRequiredService<IConfiguration>()["Notifications:Sender"] is "none"
                ? new Notifications.NoNotificationSender()
                : new Notifications.LogNotificationSender(provider.GetRequiredService<ILogger<Notifications.LogNotificationSender>>()));
        services.AddCommittee();
        services.AddPublicObjections(configuration);
        services.AddScoped<DefinitionSeeder>();
        services.AddScoped<DemoUsers>();
        services.AddScoped<Users.UserAdmin>();
        services.Configure<Users.RegistrationOptions>(configuration.GetSection("Registration"));
        services.AddAudit();
        services.AddApplicantRecord();
        Governance.GovernanceEndpoints.AddGovernance(services, configuration);

        services.AddProblemDetails();
        services.AddExceptionHandler<DesignerExceptionHandler>();
        services.AddOpenApi(ApiDocs.ApiDocsSetup.ConfigureDocument);
        services.AddAntiforgery(o => o.HeaderName = AntiforgeryForCookies.HeaderName);
    }

    private static void AddIdentity(IServiceCollection services)
    {
        // A request with an Authorization header is judged by its OpenIddict token alone; any other by the Identity cookie.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "OpenIddict bearer token or Identity cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.Cookie.Name = AntiforgeryForCookies.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = context => { context.Response.StatusCode = 401; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = 403; return Task.CompletedTask; };
                // Identity's security-stamp check, then the cookie's sign-in session: revoked sessions end at once.
                var securityStamp = o.Events.OnValidatePrincipal;
                o.Events.OnValidatePrincipal = async context =>
                {
                    await securityStamp(context);
                    await SignInSessions.ValidateCookieAsync(context);
                };
            }));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AuthOptions>>((o, auth) => o.ExpireTimeSpan = TimeSpan.FromMinutes(auth.Value.TokenMinutes));
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<OidcOptions>>((o, oidc) =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(oidc.Value.SecurityStampValidationSeconds);
            // A refreshed cookie keeps its sign-in session.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(DesignerClaims.Session) is { } session && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                    identity.AddClaim(new System.Security.Claims.Claim(DesignerClaims.Session, session.Value));
                return Task.CompletedTask;
            };
        });
        services.AddOptions<IdentityOptions>()
            .Configure<IOptions<AuthOptions>>((o, auth) => o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.Value.LockoutMinutes));
        services.AddAuthorization(Policies.Add);
        services.AddIdentityCore<DesignerUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters += "/";
                PasswordPolicy.Configure(o.Password);
            })
            .AddPasswordValidator<PasswordPolicy>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DesignerDbContext>()
            .AddUserManager<DesignerUserManager>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DesignerClaimsFactory>();
    }

    public static void Configure(System.Text.Json.JsonSerializerOptions options)
    {
        // Request bodies are held to Limits:MaxJsonDepth at the door (JsonBodyGuard); answers wrap stored documents in a few more levels.
        options.MaxDepth = 128;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.Converters.Add(new JsonStringEnumConverter());
    }
}
