namespace FormKit;

// A form builder's object model in the shape of Typeform's and Form.io's APIs: definitions with typed fields
// and branching logic, submissions whose answers are keyed by field id, hidden fields carried by the link,
// file-upload answers, partial saves and the validation errors a submission fails with.

public enum FieldType
{
    ShortText,
    LongText,
    Email,
    Phone,
    FullName,
    Date,
    DateOfBirth,
    Number,
    Rating,
    OpinionScale,
    Nps,
    SingleChoice,
    MultiChoice,
    YesNo,
    FileUpload,
    Address,
    Statement,
}

public static class FieldTypes
{
    /// <summary>The type's code, as the form builder's API writes it (<c>short_text</c>, <c>nps</c>).</summary>
    public static string Code(FieldType type) => type switch
    {
        FieldType.ShortText => "short_text",
        FieldType.LongText => "long_text",
        FieldType.FullName => "full_name",
        FieldType.DateOfBirth => "date_of_birth",
        FieldType.OpinionScale => "opinion_scale",
        FieldType.SingleChoice => "single_choice",
        FieldType.MultiChoice => "multi_choice",
        FieldType.YesNo => "yes_no",
        FieldType.FileUpload => "file_upload",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Whether the builder marks the type as collecting personal data by default (its privacy lint).</summary>
    public static bool IsPersonalByDefault(FieldType type) =>
        type is FieldType.Email or FieldType.Phone or FieldType.FullName or FieldType.DateOfBirth or FieldType.Address or FieldType.FileUpload;

    public static bool IsScale(FieldType type) => type is FieldType.Rating or FieldType.OpinionScale or FieldType.Nps;
}

/// <summary>A field of a form definition. Prints its members (its choices as their type's name).</summary>
public sealed record FieldDefinition(string Id, string Ref, string Label, FieldType Type, bool Required = false)
{
    public IReadOnlyList<string> Choices { get; init; } = Array.Empty<string>();

    public int? Min { get; init; }

    public int? Max { get; init; }

    public int? MaxLength { get; init; }
}

public enum LogicOperator
{
    Is,
    IsNot,
    LowerThan,
    GreaterThan,
    Contains,
    IsAnswered,
}

/// <summary>A branching rule of the definition: when the field's answer compares to the value, jump to a field. Prints its members.</summary>
public sealed record LogicRule(string Id, string WhenFieldId, LogicOperator Operator, string Value, string JumpToFieldId);

/// <summary>A published form definition. Prints its id, version, title and flags (fields and logic as their types' names).</summary>
public sealed record FormDefinition(string Id, int Version, string Title, IReadOnlyList<FieldDefinition> Fields, IReadOnlyList<LogicRule> Logic)
{
    /// <summary>Whether the form collects responses without identifying the respondent.</summary>
    public bool Anonymous { get; init; }

    public FieldDefinition? Field(string id) => Fields.FirstOrDefault(f => f.Id == id);

    public IEnumerable<FieldDefinition> FieldsOfType(FieldType type) => Fields.Where(f => f.Type == type);
}

/// <summary>An uploaded file answering a file-upload field: the name the respondent's device gave it, its type, size and where it is stored. Prints its members.</summary>
public sealed record FileUploadAnswer(string FieldId, string FileName, string ContentType, long Length, string StorageKey)
{
    public string Extension => System.IO.Path.GetExtension(FileName).ToLowerInvariant();
}

/// <summary>
/// A submission as the builder's webhook delivers it: answers keyed by field id (as text), the hidden fields the
/// personalised link carried, file uploads and timing. A class without <c>ToString</c>: it prints its type's name.
/// </summary>
public sealed class FormSubmission
{
    public required string SubmissionId { get; init; }

    public required string FormId { get; init; }

    public int FormVersion { get; init; } = 1;

    /// <summary>The respondent's id in the service (patient, student, account…); null for anonymous forms.</summary>
    public string? RespondentId { get; init; }

    public Dictionary<string, string?> Answers { get; init; } = new();

    /// <summary>Hidden fields from the link's query string (<c>?cn=…&amp;src=email</c>).</summary>
    public Dictionary<string, string> Hidden { get; init; } = new();

    public List<FileUploadAnswer> Files { get; init; } = new();

    public string Channel { get; init; } = "web";

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public TimeSpan TimeToComplete => SubmittedAt - StartedAt;

    public string? Answer(string fieldId) => Answers.TryGetValue(fieldId, out var value) ? value : null;

    public int? Score(string fieldId) => int.TryParse(Answer(fieldId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score) ? score : null;
}

/// <summary>A partial save: the answers so far, the step reached and the token of the resume link mailed to the respondent. Prints its members (answers as their type's name).</summary>
public sealed record DraftSave(string DraftId, string FormId, int Step, DateTimeOffset SavedAt, string ResumeToken)
{
    public Dictionary<string, string?> Answers { get; init; } = new();
}

/// <summary>Thrown when a resume link's draft has expired; quotes the draft id and when it was saved.</summary>
public sealed class DraftExpiredException(string draftId, DateTimeOffset savedAt)
    : Exception($"Draft '{draftId}' saved at {savedAt:O} has expired")
{
    public string DraftId { get; } = draftId;
}

/// <summary>
/// A field that failed validation, as the builder reports it. Prints its members. Format errors quote the answer
/// (<c>'jo@@example' is not a valid email address</c>); required and range errors do not.
/// </summary>
public sealed record ValidationError(string FieldId, string Code, string Message);

public static class Validation
{
    public static ValidationError? Validate(FieldDefinition field, string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return field.Required ? new ValidationError(field.Id, "required", "This field is required.") : null;
        }
        return field.Type switch
        {
            FieldType.Email when !answer.Contains('@') => new(field.Id, "format", $"'{answer}' is not a valid email address."),
            FieldType.Phone when answer.Count(char.IsDigit) < 7 => new(field.Id, "format", $"'{answer}' is not a valid phone number."),
            FieldType.Date or FieldType.DateOfBirth when !DateOnly.TryParse(answer, CultureInfo.InvariantCulture, out _) => new(field.Id, "format", $"'{answer}' is not a valid date."),
            FieldType.Rating or FieldType.OpinionScale or FieldType.Nps when !int.TryParse(answer, out var n) || n < field.Min || n > field.Max =>
                new(field.Id, "range", $"Value must be between {field.Min} and {field.Max}."),
            FieldType.LongText or FieldType.ShortText when answer.Length > field.MaxLength =>
                new(field.Id, "max_length", $"Answer is {answer.Length} characters long; at most {field.MaxLength} are allowed."),
            _ => null,
        };
    }

    public static IReadOnlyList<ValidationError> ValidateAll(FormDefinition form, FormSubmission submission) =>
        form.Fields.Select(f => Validate(f, submission.Answer(f.Id))).OfType<ValidationError>().ToList();
}

/// <summary>Thrown when a submission fails validation; its message names the form and the fields, never the answers.</summary>
public sealed class FormValidationException(string formId, IReadOnlyList<ValidationError> errors)
    : Exception($"Submission to form '{formId}' failed validation on {errors.Count} field(s): {string.Join(", ", errors.Select(e => e.FieldId))}")
{
    public string FormId { get; } = formId;

    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>Evaluates a definition's branching rules against the answers so far.</summary>
public static class Branching
{
    public static LogicRule? Match(FormDefinition form, FormSubmission submission, string afterFieldId) =>
        form.Logic.FirstOrDefault(rule => rule.WhenFieldId == afterFieldId && Holds(rule, submission.Answer(rule.WhenFieldId)));

    private static bool Holds(LogicRule rule, string? answer) => rule.Operator switch
    {
        LogicOperator.Is => answer == rule.Value,
        LogicOperator.IsNot => answer != rule.Value,
        LogicOperator.LowerThan => double.TryParse(answer, out var a) && a < double.Parse(rule.Value, CultureInfo.InvariantCulture),
        LogicOperator.GreaterThan => double.TryParse(answer, out var b) && b > double.Parse(rule.Value, CultureInfo.InvariantCulture),
        LogicOperator.Contains => answer?.Contains(rule.Value, StringComparison.OrdinalIgnoreCase) == true,
        _ => !string.IsNullOrEmpty(answer),
    };
}
