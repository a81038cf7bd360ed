using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RangeGuard.Fleet.Storage;

/// <summary>
/// Tells a database that is busy or away from a message the database refuses. Only the second may end as "refused": a
/// write that fails because SQLite's file is locked by another writer (while reads still answer) or PostgreSQL is
/// restarting is retried until it succeeds, so nothing the broker delivered is lost to an outage.
/// </summary>
public static class TransientErrors
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL (primary result codes).
    private static readonly int[] SqliteTransient = { 5, 6, 10, 13, 14, 15 };

    public static bool IsTransient(Exception e)
    {
        for (Exception? x = e; x != null; x = x.InnerException)
        {
            switch (x)
            {
                case SqliteException s when Array.IndexOf(SqliteTransient, s.SqliteErrorCode & 0xFF) >= 0:
                case NpgsqlException n when n.IsTransient:
                case TimeoutException:
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
