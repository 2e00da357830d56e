using Designer.Server.Auth;
using Designer.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Server.Record;

/// <summary>
/// administration.md's "applicant's record" routes: titles held, continuing-education hours, integrity records, the
/// title import, and the certificate lifecycle (revoke, reissue, replace). The person reads their own; HR reviewers
/// of the locality and admins write.
/// </summary>
public static class RecordEndpoints
{
    public static void MapApplicantRecord(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people/{userName}").WithTags("Applicant record").RequireAuthorization();
        people.MapGet("/record", async (string userName, HttpContext http, RecordService records) =>
            TypedResults.Ok(await records.RecordAsync(http.CurrentUser(), userName)));
        people.MapGet("/titles", async Task<Ok<Paged<TitleHeld>>> (string userName, int? page, int? pageSize, HttpContext http, RecordService records) =>
        {
            await records.PersonAsync(http.CurrentUser(), userName, write: false);
            return TypedResults.Ok(PageOf(await records.TitlesAsync(userName), page, pageSize));
        });
        people.MapPost("/titles", async (string userName, TitleRequest title, HttpContext http, RecordService records) =>
        {
            var added = await records.AddTitleAsync(http.CurrentUser(), userName, title);
            return TypedResults.Created($"/api/people/{userName}/titles", added);
        }).Fails(422);
        people.MapGet("/education-hours", async Task<Ok<Paged<EducationHours>>> (string userName, int? page, int? pageSize, HttpContext http, RecordService records) =>
        {
            await records.PersonAsync(http.CurrentUser(), userName, write: false);
            return TypedResults.Ok(PageOf(await records.HoursAsync(userName), page, pageSize));
        });
        people.MapPost("/education-hours", async (string userName, EducationHoursRequest hours, HttpContext http, RecordService records) =>
        {
            var added = await records.AddHoursAsync(http.CurrentUser(), userName, hours);
            return TypedResults.Created($"/api/people/{userName}/education-hours", added);
        }).Fails(422);
        people.MapPost("/education-hours/verify", async (string userName, VerifyHoursRequest request, HttpContext http, RecordService records) =>
            TypedResults.Ok(await records.VerifyHoursAsync(http.CurrentUser(), userName, request))).Fails(422);

        var integrity = app.MapGroup("/api/integrity-records").WithTags("Applicant record").RequireAuthorization();
        integrity.MapGet("/", async (string? userName, int? page, int? pageSize, HttpContext http, RecordService records) =>
            TypedResults.Ok(await records.IntegrityListAsync(http.CurrentUser(), userName, page, pageSize)));
        integrity.MapPost("/", async (IntegrityRequest record, HttpContext http, RecordService records) =>
        {
            var added = await records.AddIntegrityAsync(http.CurrentUser(), record);
            return TypedResults.Created($"/api/integrity-records?userName={Uri.EscapeDataString(added.UserName)}", added);
        }).Fails(422);

        app.MapGroup("/api/titles").WithTags("Applicant record").RequireAuthorization()
            .MapPost("/import", async (HttpRequest request, HttpContext http, TitleImport import) =>
                TypedResults.Ok(await import.ImportAsync(http.CurrentUser(), request)))
            .Accepts<string>(TitleImport.CsvType, TitleImport.XlsxType).Fails(415, 422);

        var certificates = app.MapGroup("/api/certificates/{number}").WithTags("Certificates").RequireAuthorization();
        certificates.MapGet("/", async (string number, HttpContext http, CertificateLifecycle lifecycle) =>
            TypedResults.Ok(await lifecycle.FindAsync(http.CurrentUser(), number)));
        certificates.MapPost("/revoke", async (string number, RevokeRequest request, HttpContext http, CertificateLifecycle lifecycle) =>
            TypedResults.Ok(await lifecycle.RevokeAsync(http.CurrentUser(), number, request))).Fails(409, 422);
        certificates.MapPost("/reissue", async (string number, ReissueRequest request, HttpContext http, CertificateLifecycle lifecycle) =>
            TypedResults.Ok(await lifecycle.ReissueAsync(http.CurrentUser(), number, request, replacement: false))).Fails(409, 422);
        certificates.MapPost("/replace", async (string number, ReissueRequest request, HttpContext http, CertificateLifecycle lifecycle) =>
            TypedResults.Ok(await lifecycle.ReissueAsync(http.CurrentUser(), number, request, replacement: true))).Fails(409, 422);
    }

    public static IServiceCollection AddApplicantRecord(this IServiceCollection services) =>
        services.AddScoped<EducationHoursRegistrars>().AddScoped<RecordService>().AddScoped<TitleImport>().AddScoped<CertificateLifecycle>();

    private static Paged<T> PageOf<T>(IReadOnlyList<T> all, int? page, int? pageSize)
    {
        return all.Page(page, pageSize, item => item);
    }
}
