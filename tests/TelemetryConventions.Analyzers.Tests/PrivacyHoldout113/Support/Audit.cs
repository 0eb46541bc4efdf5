namespace AuditKit
{
    // The audit library, in the shape of Audit.NET: an AuditEvent with its environment and custom
    // fields, written through a data provider; Entity Framework entries with their changed columns.

    public sealed class AuditEventEnvironment
    {
        public string UserName { get; set; } = string.Empty;

        public string MachineName { get; set; } = Environment.MachineName;

        public string? CallingMethodName { get; set; }

        public string? Exception { get; set; }
    }

    /// <summary>An audit event. A class: it does not override <c>ToString</c>; <see cref="ToJson"/> writes it out.</summary>
    public class AuditEvent
    {
        public string EventType { get; set; } = string.Empty;

        public AuditEventEnvironment Environment { get; set; } = new();

        public DateTime StartDate { get; set; } = DateTime.UtcNow;

        public DateTime? EndDate { get; set; }

        public int Duration { get; set; }

        public Dictionary<string, object?> CustomFields { get; } = new();

        public string ToJson() => JsonSerializer.Serialize(this);
    }

    public sealed class EventEntryChange
    {
        public string ColumnName { get; set; } = string.Empty;

        public object? OriginalValue { get; set; }

        public object? NewValue { get; set; }
    }

    /// <summary>One entity written by a SaveChanges call.</summary>
    public sealed class EventEntry
    {
        public string Table { get; set; } = string.Empty;

        public string Action { get; set; } = string.Empty;

        public Dictionary<string, object?> PrimaryKey { get; set; } = new();

        public Dictionary<string, object?> ColumnValues { get; set; } = new();

        public List<EventEntryChange> Changes { get; set; } = new();

        public bool Valid { get; set; } = true;
    }

    public sealed class AuditEventEntityFramework : AuditEvent
    {
        public string Database { get; set; } = string.Empty;

        public List<EventEntry> Entries { get; set; } = new();

        public int Result { get; set; }

        public bool Success { get; set; } = true;
    }

    /// <summary>Where audit events go: a table, a WORM bucket, a SIEM. Not telemetry.</summary>
    public interface IAuditDataProvider
    {
        Task<object> InsertEventAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
    }

    /// <summary>A field of a record before and after a change.</summary>
    public sealed record FieldChange(string Field, string? Before, string? After);

    /// <summary>The services' own audit entry: a positional record, printed with its members (its changes as their type's name).</summary>
    public sealed record AuditEntry(Guid EntryId, string RecordType, string RecordKey, string Action, string Actor, IReadOnlyList<FieldChange> Changes, DateTimeOffset At);

    public static class ObjectDiff
    {
        /// <summary>Compares the public string properties of two versions of a record.</summary>
        public static IReadOnlyList<FieldChange> Compare<T>(T before, T after)
        {
            var changes = new List<FieldChange>();
            foreach (var property in typeof(T).GetProperties())
            {
                var a = property.GetValue(before)?.ToString();
                var b = property.GetValue(after)?.ToString();
                if (!string.Equals(a, b, StringComparison.Ordinal))
                {
                    changes.Add(new FieldChange(property.Name, a, b));
                }
            }
            return changes;
        }
    }

    /// <summary>A JSON Patch operation, as an RFC 6902 document holds it.</summary>
    public sealed record PatchOperation(string Op, string Path, string? Value);

    /// <summary>The audit store refused a write; names the event type and the store's reason.</summary>
    public sealed class AuditWriteException(string eventType, string reason)
        : Exception($"Audit event '{eventType}' was not written: {reason}")
    {
        public string EventType { get; } = eventType;
    }

    /// <summary>A hash chain check over an audit table failed at a sequence number.</summary>
    public sealed class AuditChainBrokenException(string table, long sequence)
        : Exception($"Hash chain of '{table}' broken at sequence {sequence}")
    {
        public long Sequence { get; } = sequence;
    }
}

namespace AuditKit.Access
{
    /// <summary>Who viewed which record: a positional record, printed with its members.</summary>
    public sealed record AccessLogEntry(string ViewerId, string SubjectKey, string Resource, string Purpose, DateTimeOffset At);

    /// <summary>A break-the-glass or out-of-relationship access raised for review.</summary>
    public sealed record AccessAlert(string AlertId, string Rule, string ViewerId, string SubjectKey, int Views);

    public interface IAccessLogStore
    {
        Task AppendAsync(AccessLogEntry entry, CancellationToken cancellationToken = default);

        Task<IReadOnlyList<AccessLogEntry>> ForSubjectAsync(string subjectKey, CancellationToken cancellationToken = default);

        Task<IReadOnlyList<AccessLogEntry>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
    }
}
