using Designer.Server.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Designer.Server.Hosting;

/// <summary>Which database the server keeps its state in (`Database:Provider` in appsettings.json).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, one node.</summary>
    Sqlite,
    /// <summary>One PostgreSQL database shared by one or more stateless nodes.</summary>
    Postgres,
}

public static class DatabaseSetup
{
    /// <summary>The assembly holding the PostgreSQL migrations (the SQLite ones live beside the DbContext).</summary>
    public const string PostgresMigrationsAssembly = "Designer.Persistence.Postgres";

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var configured = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(configured)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(configured, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider \"{configured}\" is not Sqlite or Postgres");
    }

    /// <summary>
    /// SQLite: a file under the repository root, writers queued in process (WriteGate) with busy_timeout as the
    /// backstop. PostgreSQL: the database serialises writers itself; the audit chain takes an advisory lock.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, IServiceProvider services, string root)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var connectionString = configuration.GetConnectionString("Designer");
        var audit = services.GetRequiredService<AuditChainInterceptor>();
        if (Provider(configuration) == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Designer is empty");
            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)).AddInterceptors(audit);
            return;
        }
        options.UseSqlite(SqliteConnection(connectionString ?? "Data Source=data/designer.db", root))
            .AddInterceptors(services.GetRequiredService<WriteGateInterceptor>(), services.GetRequiredService<SqliteBusyTimeout>(), audit);
    }

    public static INodeLocks NodeLocks(IConfiguration configuration) => Provider(configuration) == DatabaseProvider.Postgres
        ? new PostgresNodeLocks(configuration.GetConnectionString("Designer")!)
        : new SingleNodeLocks();

    public static bool IsPostgres(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>A relative SQLite file lives under the repository root; its folder is created; writers wait for each other.</summary>
    private static string SqliteConnection(string configured, string root)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = RepositoryRoot.Resolve(root, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
