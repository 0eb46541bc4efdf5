using System.Reflection;

namespace Patchkit;

// JSON Patch (RFC 6902) documents, in the shapes of ASP.NET Core's JsonPatch. What prints what:
// - Operation is a class without ToString: it prints its type name. Its path is a JSON pointer to a
//   member; its value is what the client wants written there.
// - JsonPatchError.ErrorMessage and JsonPatchException's message: "The target location specified by
//   path segment '{segment}' was not found." or "The value '{value}' is invalid for target location.",
//   which quotes the value.

public class Operation
{
    public string op { get; set; } = "replace";

    public string path { get; set; } = "/";

    public string? from { get; set; }

    public object? value { get; set; }

    public string OperationType => op;
}

public sealed class Operation<TModel> : Operation
    where TModel : class;

public sealed class JsonPatchError(object? affectedObject, Operation operation, string errorMessage)
{
    public object? AffectedObject { get; } = affectedObject;

    public Operation Operation { get; } = operation;

    public string ErrorMessage { get; } = errorMessage;
}

public sealed class JsonPatchException(JsonPatchError error) : Exception(error.ErrorMessage)
{
    public Operation FailedOperation { get; } = error.Operation;

    public object? AffectedObject { get; } = error.AffectedObject;
}

public sealed class JsonPatchDocument<TModel>
    where TModel : class
{
    public List<Operation<TModel>> Operations { get; } = new();

    public void ApplyTo(TModel target, Action<JsonPatchError>? logErrorAction = null)
    {
        foreach (var operation in Operations)
        {
            var segment = operation.path.TrimStart('/').Split('/')[^1];
            var property = typeof(TModel).GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            JsonPatchError? error = null;
            if (property is null)
            {
                error = new JsonPatchError(target, operation, $"The target location specified by path segment '{segment}' was not found.");
            }
            else if (operation.value is not null && !property.PropertyType.IsInstanceOfType(operation.value))
            {
                error = new JsonPatchError(target, operation, $"The value '{operation.value}' is invalid for target location.");
            }
            else
            {
                property.SetValue(target, operation.op == "remove" ? null : operation.value);
            }

            if (error is not null)
            {
                if (logErrorAction is null)
                {
                    throw new JsonPatchException(error);
                }
                logErrorAction(error);
            }
        }
    }
}
