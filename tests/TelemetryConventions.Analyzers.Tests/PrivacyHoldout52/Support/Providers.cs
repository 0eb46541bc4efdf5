using System;
using System.Collections.Generic;
using System.Data.Common;

// Stand-ins for the provider exceptions of Microsoft.Data.SqlClient and Npgsql. Only the shapes matter.

namespace Microsoft.Data.SqlClient
{
    public sealed class SqlError
    {
        public int Number { get; init; }

        public byte State { get; init; }

        public string Message { get; init; } = string.Empty;

        public string? Procedure { get; init; }

        public int LineNumber { get; init; }
    }

    public sealed class SqlException : DbException
    {
        public SqlException(string message, IReadOnlyList<SqlError> errors)
            : base(message) => Errors = errors;

        public IReadOnlyList<SqlError> Errors { get; }

        public int Number => Errors.Count > 0 ? Errors[0].Number : 0;

        public string? Procedure => Errors.Count > 0 ? Errors[0].Procedure : null;

        public Guid ClientConnectionId { get; init; }
    }

    public sealed class SqlConnectionStringBuilder : DbConnectionStringBuilder
    {
        public SqlConnectionStringBuilder(string connectionString) => ConnectionString = connectionString;

        public string InitialCatalog { get; set; } = string.Empty;

        public string DataSource { get; set; } = string.Empty;

        public string ApplicationName { get; set; } = string.Empty;
    }
}

namespace Npgsql
{
    public class PostgresException : DbException
    {
        public PostgresException(string messageText, string severity, string sqlState, string? detail = null)
            : base(sqlState + ": " + messageText + (detail is null ? string.Empty : Environment.NewLine + Environment.NewLine + "DETAIL: " + detail))
        {
            MessageText = messageText;
            Severity = severity;
            SqlState = sqlState;
            Detail = detail;
        }

        public string MessageText { get; }

        public string Severity { get; }

        public override string SqlState { get; }

        public string? Detail { get; }

        public string? TableName { get; init; }

        public string? ConstraintName { get; init; }

        public string? ColumnName { get; init; }

        public override bool IsTransient => SqlState is "40001" or "40P01";
    }

    public static class PostgresErrorCodes
    {
        public const string UniqueViolation = "23505";
        public const string ForeignKeyViolation = "23503";
        public const string SerializationFailure = "40001";
        public const string DeadlockDetected = "40P01";
    }

    public sealed class NpgsqlConnectionStringBuilder : DbConnectionStringBuilder
    {
        public NpgsqlConnectionStringBuilder(string connectionString) => ConnectionString = connectionString;

        public bool IncludeErrorDetail { get; set; }

        public string? Database { get; set; }

        public string? Host { get; set; }
    }
}
