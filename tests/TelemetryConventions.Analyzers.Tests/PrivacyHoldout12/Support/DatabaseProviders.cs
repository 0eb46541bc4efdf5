using System;
using System.Data.Common;

// Stand-ins for the database providers' exceptions, with the real names and shapes. Npgsql's
// message is "<SqlState>: <MessageText>" followed by "DETAIL: <Detail>"; Detail quotes the row's
// values only when the connection string sets "Include Error Detail", and otherwise says it was
// redacted. SQL Server writes the duplicate key value into the message of errors 2601 and 2627.

namespace Npgsql
{
    public sealed class PostgresException : DbException
    {
        public PostgresException(string messageText, string severity, string invariantSeverity, string sqlState, string? detail = null, string? constraintName = null, string? tableName = null)
            : base(detail is null ? sqlState + ": " + messageText : sqlState + ": " + messageText + Environment.NewLine + Environment.NewLine + "DETAIL: " + detail)
        {
            MessageText = messageText;
            Severity = severity;
            SqlState = sqlState;
            Detail = detail;
            ConstraintName = constraintName;
            TableName = tableName;
        }

        public string MessageText { get; }

        public string Severity { get; }

        public override string SqlState { get; }

        public string? Detail { get; }

        public string? ConstraintName { get; }

        public string? TableName { get; }

        public override bool IsTransient => SqlState is "40001" or "40P01" or "57P01";
    }

    public static class PostgresErrorCodes
    {
        public const string UniqueViolation = "23505";
        public const string ForeignKeyViolation = "23503";
        public const string SerializationFailure = "40001";
        public const string DeadlockDetected = "40P01";
    }
}

namespace Microsoft.Data.SqlClient
{
    public sealed class SqlException : DbException
    {
        public SqlException(string message, int number)
            : base(message)
        {
            Number = number;
        }

        public int Number { get; }

        public override bool IsTransient => Number is 1205 or -2 or 40613 or 40501;
    }
}
