using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

public static class UniqueViolation
{
    /// <summary>True when a save failed on a unique index: SQLite's UNIQUE constraint, PostgreSQL's SQLSTATE 23505.</summary>
    public static bool IsUniqueViolation(this DbUpdateException e) => e.InnerException switch
    {
        DbException { SqlState: "23505" } => true,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE"),
        _ => false,
    };
}
