namespace AdminKit.Bulk;

/// <summary>A bulk edit from the console's grid or an uploaded CSV. Prints its members (target ids as their type's name).</summary>
public sealed record BulkEditRequest(string JobId, string TargetType, string Field, string NewValue, IReadOnlyList<string> TargetIds);

/// <summary>A row the bulk edit could not apply. Prints its members.</summary>
public sealed record BulkRowError(int Row, string Key, string Reason);

/// <summary>Prints its members (errors as their type's name).</summary>
public sealed record BulkEditResult(string JobId, int Updated, int Skipped, IReadOnlyList<BulkRowError> Errors);

public interface IBulkEditor
{
    Task<BulkEditResult> ApplyAsync(BulkEditRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Quotes the job and the counts.</summary>
public sealed class BulkEditAbortedException(string jobId, int failed, int limit)
    : Exception($"Bulk edit {jobId} aborted: {failed} rows failed (limit {limit})");

/// <summary>A value refused by the row validator: quotes the row's key, the field and the value.</summary>
public sealed class RowValidationException(string key, string field, string value)
    : Exception($"Row '{key}': {field} value '{value}' is not valid")
{
    public string Field { get; } = field;
}
