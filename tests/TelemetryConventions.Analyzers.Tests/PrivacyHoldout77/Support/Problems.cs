using Apikit;

namespace Problemkit;

// RFC 9457 problem responses and model state, in ASP.NET Core's shapes. What prints what:
// - ProblemDetails and ValidationProblemDetails are classes without ToString: they print their type name.
//   Serialised (JsonSerializer), a problem writes every member and every entry of Extensions.
// - Detail is whatever the code that built the problem wrote; Title is fixed per problem type.
// - A ModelStateEntry keeps the AttemptedValue as the client sent it and the errors' messages;
//   model binding's own message for a value it could not convert quotes that value
//   ("The value 'abc' is not valid for DateOfBirth.").

public class ProblemDetails
{
    public string? Type { get; set; }

    public string? Title { get; set; }

    public int? Status { get; set; }

    public string? Detail { get; set; }

    public string? Instance { get; set; }

    [JsonExtensionData]
    public Dictionary<string, object?> Extensions { get; set; } = new(StringComparer.Ordinal);
}

public class ValidationProblemDetails : ProblemDetails
{
    public ValidationProblemDetails()
    {
        Title = "One or more validation errors occurred.";
        Status = 400;
    }

    public ValidationProblemDetails(IDictionary<string, string[]> errors)
        : this() => Errors = new Dictionary<string, string[]>(errors, StringComparer.Ordinal);

    public ValidationProblemDetails(ModelStateDictionary modelState)
        : this() => Errors = modelState
            .Where(e => e.Value.Errors.Count > 0)
            .ToDictionary(e => e.Key, e => e.Value.Errors.Select(x => x.ErrorMessage).ToArray(), StringComparer.Ordinal);

    public IDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>(StringComparer.Ordinal);
}

public sealed record ModelError(string ErrorMessage);

public sealed class ModelStateEntry
{
    public object? RawValue { get; set; }

    public string? AttemptedValue { get; set; }

    public List<ModelError> Errors { get; } = new();
}

public sealed class ModelStateDictionary : IEnumerable<KeyValuePair<string, ModelStateEntry>>
{
    private readonly Dictionary<string, ModelStateEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public bool IsValid => _entries.Values.All(e => e.Errors.Count == 0);

    public int ErrorCount => _entries.Values.Sum(e => e.Errors.Count);

    public IEnumerable<string> Keys => _entries.Keys;

    public ModelStateEntry this[string key] => _entries.TryGetValue(key, out var entry) ? entry : _entries[key] = new ModelStateEntry();

    public void SetModelValue(string key, object? rawValue, string? attemptedValue)
    {
        this[key].RawValue = rawValue;
        this[key].AttemptedValue = attemptedValue;
    }

    public void AddModelError(string key, string errorMessage) => this[key].Errors.Add(new ModelError(errorMessage));

    public IEnumerator<KeyValuePair<string, ModelStateEntry>> GetEnumerator() => _entries.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Turns an exception into a response; returns false to let the next handler try.</summary>
public interface IExceptionHandler
{
    ValueTask<bool> TryHandleAsync(ApiCall call, Exception exception, CancellationToken cancellationToken);
}

public interface IProblemDetailsWriter
{
    ValueTask WriteAsync(ApiCall call, ProblemDetails problem);
}
