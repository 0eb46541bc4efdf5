namespace PrivacyHoldout89.Fga;

// A stand-in of the OpenFGA .NET SDK's client (Zanzibar-style relationship tuples), reduced to what
// the services call. Objects and users are written "type:id"; a userset is "type:id#relation".

/// <summary>A relationship tuple. Prints as the Zanzibar notation <c>object#relation@user</c>.</summary>
public sealed record ClientTupleKey(string User, string Relation, string Object)
{
    public override string ToString() => $"{Object}#{Relation}@{User}";
}

public sealed class ClientCheckRequest
{
    public required string User { get; init; }

    public required string Relation { get; init; }

    public required string Object { get; init; }

    public List<ClientTupleKey> ContextualTuples { get; init; } = new();

    public Dictionary<string, object?> Context { get; init; } = new();
}

/// <summary>The answer of a check. <c>Resolution</c> names the rewrite that decided (<c>"guardian"</c>, <c>"officer from leader"</c>): relations only.</summary>
public sealed record CheckResponse(bool? Allowed, string? Resolution = null);

public sealed class ClientListObjectsRequest
{
    public required string User { get; init; }

    public required string Relation { get; init; }

    public required string Type { get; init; }

    public List<ClientTupleKey> ContextualTuples { get; init; } = new();
}

/// <summary>The objects (<c>type:id</c>) the user has the relation with.</summary>
public sealed record ListObjectsResponse(List<string> Objects);

public sealed class ClientWriteRequest
{
    public List<ClientTupleKey> Writes { get; init; } = new();

    public List<ClientTupleKey> Deletes { get; init; } = new();
}

/// <summary>What was written. A record: its lists print as their type names.</summary>
public sealed record ClientWriteResponse(List<ClientTupleKey> Writes, List<ClientTupleKey> Deletes);

public sealed class ClientConsistencyOptions
{
    public string? AuthorizationModelId { get; init; }

    public string Consistency { get; init; } = "MINIMIZE_LATENCY";
}

public interface IOpenFgaClient
{
    string StoreId { get; }

    Task<CheckResponse> Check(ClientCheckRequest body, ClientConsistencyOptions? options = null, CancellationToken cancellationToken = default);

    Task<ListObjectsResponse> ListObjects(ClientListObjectsRequest body, ClientConsistencyOptions? options = null, CancellationToken cancellationToken = default);

    Task<ClientWriteResponse> Write(ClientWriteRequest body, CancellationToken cancellationToken = default);
}

/// <summary>The server refused a request as invalid. Its message is the server's, which quotes the tuple, user or object it refused (<c>invalid tuple 'student:S123#guardian@user:42'</c>).</summary>
public sealed class FgaApiValidationError(string apiErrorCode, string message) : Exception(message)
{
    public string ApiErrorCode { get; } = apiErrorCode;

    public int StatusCode => 400;
}

/// <summary>The server is throttling the store. Its message names the store and the endpoint.</summary>
public sealed class FgaApiRateLimitExceededError(string storeId, string endpoint)
    : Exception($"Rate limit exceeded on {endpoint} for store {storeId}")
{
    public string StoreId { get; } = storeId;

    public TimeSpan? RetryAfter { get; init; }
}
