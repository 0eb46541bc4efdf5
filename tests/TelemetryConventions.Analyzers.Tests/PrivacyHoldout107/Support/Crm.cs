namespace CrmKit
{
    /// <summary>A reference to a CRM row, in the shape of Dataverse's <c>EntityReference</c>. Does not override <c>ToString</c>.</summary>
    public sealed class EntityReference(string logicalName, Guid id)
    {
        public string LogicalName { get; } = logicalName;

        public Guid Id { get; } = id;

        public string? Name { get; set; }
    }

    /// <summary>The attribute bag of a row. A dictionary: a logging formatter writes it out as its pairs.</summary>
    public sealed class AttributeCollection : Dictionary<string, object?>
    {
    }

    /// <summary>A CRM row (contact, lead, account, campaign response), in the shape of Dataverse's <c>Entity</c>. Does not override <c>ToString</c>.</summary>
    public class Entity(string logicalName)
    {
        public Entity(string logicalName, Guid id)
            : this(logicalName) => Id = id;

        public string LogicalName { get; } = logicalName;

        public Guid Id { get; set; }

        public AttributeCollection Attributes { get; } = new();

        /// <summary>Alternate keys (for upsert by an external key, e.g. <c>msdyn_patientnumber</c>).</summary>
        public Dictionary<string, object?> KeyAttributes { get; } = new();

        public object? this[string attributeName]
        {
            get => Attributes.TryGetValue(attributeName, out var value) ? value : null;
            set => Attributes[attributeName] = value;
        }

        public T? GetAttributeValue<T>(string attributeName) => Attributes.TryGetValue(attributeName, out var value) && value is T typed ? typed : default;

        public EntityReference ToEntityReference() => new(LogicalName, Id);
    }

    public sealed class EntityCollection
    {
        public List<Entity> Entities { get; } = new();

        public bool MoreRecords { get; init; }

        public string? PagingCookie { get; init; }

        public int TotalRecordCount { get; init; }
    }

    public sealed class UpsertResponse
    {
        public bool RecordCreated { get; init; }

        public required EntityReference Target { get; init; }
    }

    /// <summary>A fault the organisation service returns, in the shape of <c>OrganizationServiceFault</c>.</summary>
    public sealed class OrganizationServiceFault
    {
        public int ErrorCode { get; init; }

        /// <summary>
        /// The platform's message. Duplicate-key faults name the key, not its values
        /// ("A record that has the attribute values Email already exists."); validation faults quote the value
        /// ("The value 'jo@@example' of emailaddress1 is not a valid email address.").
        /// </summary>
        public string Message { get; init; } = string.Empty;

        public DateTime Timestamp { get; init; }

        public string? TraceText { get; init; }
    }

    public sealed class ExecuteMultipleResponseItem
    {
        public int RequestIndex { get; init; }

        public OrganizationServiceFault? Fault { get; init; }
    }

    public sealed class ExecuteMultipleResponse
    {
        public List<ExecuteMultipleResponseItem> Responses { get; } = new();

        public bool IsFaulted => Responses.Any(r => r.Fault is not null);
    }

    /// <summary>The organisation service's fault as an exception; its message is the fault's message.</summary>
    public sealed class CrmFaultException(OrganizationServiceFault fault) : Exception(fault.Message)
    {
        public OrganizationServiceFault Fault { get; } = fault;

        public int ErrorCode => Fault.ErrorCode;
    }

    /// <summary>Service protection limits hit; the message is the platform's fixed text.</summary>
    public sealed class CrmThrottledException(TimeSpan retryAfter)
        : Exception("Number of requests exceeded the limit of 6000 over time window of 300 seconds.")
    {
        public TimeSpan RetryAfter { get; } = retryAfter;
    }

    /// <summary>A Dataverse-style client (the CRM is a store, not telemetry).</summary>
    public interface ICrmServiceClient
    {
        Task<UpsertResponse> UpsertAsync(Entity entity, CancellationToken cancellationToken = default);

        Task<Guid> CreateAsync(Entity entity, CancellationToken cancellationToken = default);

        Task UpdateAsync(Entity entity, CancellationToken cancellationToken = default);

        Task<Entity?> RetrieveAsync(string logicalName, Guid id, CancellationToken cancellationToken = default);

        Task<EntityCollection> RetrieveMultipleAsync(Query.QueryExpression query, CancellationToken cancellationToken = default);

        Task<ExecuteMultipleResponse> ExecuteMultipleAsync(IReadOnlyList<Entity> upserts, CancellationToken cancellationToken = default);

        Task MergeAsync(EntityReference target, Guid subordinateId, bool performParentingChecks, CancellationToken cancellationToken = default);
    }
}

namespace CrmKit.Query
{
    /// <summary>A condition of a query. A positional record: prints attribute, operator and value.</summary>
    public sealed record ConditionExpression(string AttributeName, string Operator, object? Value);

    /// <summary>A query over one table, in the shape of <c>QueryExpression</c>. Does not override <c>ToString</c>.</summary>
    public sealed class QueryExpression(string entityName)
    {
        public string EntityName { get; } = entityName;

        public List<string> Columns { get; } = new();

        public List<ConditionExpression> Criteria { get; } = new();

        public int? TopCount { get; set; }
    }
}
