using DuckDB.NET.Data;

namespace Helpline.Benchmarks.DuckDb;

/// <summary>Load + clean in DuckDB SQL: the register file read with explicit types, identical rows removed (the first in
/// file order kept), sorted stably by arrival, new callers marked; as <c>RegisterCsv.Load</c> and <c>compare_pandas.py</c>.</summary>
internal static class DuckDbRegister
{
    /// <summary>Loads <paramref name="file"/> into table <c>contacts</c>; returns the rows kept.</summary>
    public static long Load(DuckDBConnection connection, string file)
    {
        // The categories as enums, as pandas' categoricals and our byte codes: a value outside them fails the load.
        Execute(connection, """
            CREATE TYPE channels AS ENUM ('phone', 'chat', 'email');
            CREATE TYPE outcomes AS ENUM ('answered', 'busy', 'closed');
            CREATE TYPE requesters AS ENUM ('self', 'close_environment', 'wider_environment', 'professional', 'other', 'unknown');
            CREATE TYPE genders AS ENUM ('male', 'female', 'other', 'unknown');
            CREATE TYPE age_bands AS ENUM ('<18', '18-25', '26-35', '36-45', '46-55', '56-65', '65+', 'unknown');
            CREATE TYPE referrals AS ENUM ('none', 'specialised_centre', 'private_therapist', 'victim_support', 'relationship_therapy', 'other');
            """);
        // With insertion order preserved (DuckDB's default), a table's rowid is the file's row order.
        Execute(connection, $"""
            CREATE TABLE raw AS SELECT * FROM read_csv('{file.Replace("'", "''", StringComparison.Ordinal)}',
                header = true, auto_detect = false, delim = ',', quote = '"', timestampformat = '%Y-%m-%dT%H:%M',
                columns = {"{"}'contact_id': 'VARCHAR', 'received_at': 'TIMESTAMP', 'channel': 'channels', 'outcome': 'outcomes',
                    'requester': 'requesters', 'gender': 'genders', 'age_band': 'age_bands', 'caller_key': 'VARCHAR',
                    'referral': 'referrals'{"}"});
            """);
        // Identical rows keep the first one's line; ties in time keep file order; a new caller is a key's first row.
        Execute(connection, """
            CREATE TABLE contacts AS
            SELECT * EXCLUDE (line),
                coalesce(caller_key, '') <> '' AND row_number() OVER (PARTITION BY caller_key ORDER BY received_at, line) = 1 AS is_new_caller
            FROM (SELECT *, min(rowid) AS line FROM raw GROUP BY ALL)
            ORDER BY received_at, line;
            DROP TABLE raw;
            """);
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM contacts";
        return (long)count.ExecuteScalar()!;
    }

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
