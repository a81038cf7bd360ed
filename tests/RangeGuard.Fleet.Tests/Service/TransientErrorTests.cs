using Microsoft.Data.Sqlite;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RangeGuard.Fleet.Storage;

namespace RangeGuard.Fleet.Tests.Service;

/// <summary>
/// A locked SQLite file is a database that is busy, not a message it refuses: the ingest writer waits for it (the
/// outage test once lost a message as "refused" because reads still answered while another writer held the lock).
/// </summary>
[TestClass]
public sealed class TransientErrorTests
{
    [TestMethod]
    public void A_write_blocked_by_another_writer_is_transient_and_a_constraint_violation_is_not()
    {
        string path = Path.Combine(Path.GetTempPath(), "rg-transient-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        try
        {
            string cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 1 }.ToString();
            using var holder = new SqliteConnection(cs);
            holder.Open();
            using (var create = holder.CreateCommand())
            {
                create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL); INSERT INTO t VALUES (1, 'a');";
                create.ExecuteNonQuery();
            }

            using var lockTx = holder.BeginTransaction();
            using (var hold = holder.CreateCommand())
            {
                hold.Transaction = lockTx;
                hold.CommandText = "UPDATE t SET v = 'b'";
                hold.ExecuteNonQuery();
            }

            using var writer = new SqliteConnection(cs);
            writer.Open();
            using var blocked = writer.CreateCommand();
            blocked.CommandText = "INSERT INTO t VALUES (2, 'c')";
            var busy = Assert.ThrowsExactly<SqliteException>(() => blocked.ExecuteNonQuery());
            Assert.IsTrue(TransientErrors.IsTransient(busy), $"SQLite error {busy.SqliteErrorCode} while another writer holds the lock");
            Assert.IsTrue(TransientErrors.IsTransient(new InvalidOperationException("wrapped", busy)), "found behind a wrapper too");
            lockTx.Rollback();

            using var bad = writer.CreateCommand();
            bad.CommandText = "INSERT INTO t VALUES (1, 'duplicate')";
            var refused = Assert.ThrowsExactly<SqliteException>(() => bad.ExecuteNonQuery());
            Assert.IsFalse(TransientErrors.IsTransient(refused), $"SQLite error {refused.SqliteErrorCode}: the row itself is wrong");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
