namespace FormKit;

// Electronic forms as the services host them: a form definition with its fields, a submission with
// the values typed in, and the validation errors.

public sealed record FormField(string Name, string Type, bool Required);

public sealed record FormDefinition(string FormId, int Version, IReadOnlyList<FormField> Fields);

/// <summary>A submitted form. A record: printed, it shows its ids and its values dictionary as the type's name.</summary>
public sealed record FormSubmission(Guid SubmissionId, string FormId, int Version, DateTimeOffset SubmittedAt, IReadOnlyDictionary<string, string> Values);

public sealed record FieldError(string Field, string Code);

/// <summary>Validation failed: the message lists the fields and their error codes, never the values.</summary>
public sealed class FormValidationException(IReadOnlyList<FieldError> errors)
    : Exception("Form validation failed: " + string.Join(", ", errors.Select(e => $"{e.Field} ({e.Code})")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>A magic link to a half-finished form: signed with the service's link key, it resumes the draft without signing in.</summary>
public sealed record DraftLink(string Url, DateTimeOffset ExpiresAt);
