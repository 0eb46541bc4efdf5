namespace Homestead.Repairs;

// A repairs and contractor dispatch service.

public enum RepairPriority
{
    Emergency,
    Urgent,
    Routine,
}

/// <summary>A repair reported by a tenant. Prints its members, the tenant's id and description among them.</summary>
public sealed record RepairRequest(Guid RequestId, string PropertyRef, string Category, RepairPriority Priority, string Description, string ReportedByTenantId, string ContactMobile);

/// <summary>A job raised with a contractor. Prints its members: job number, company, trade and window.</summary>
public sealed record ContractorJob(string JobNumber, string ContractorCompany, string TradeCode, DateTimeOffset WindowStart, DateTimeOffset WindowEnd);

/// <summary>An operative's visit. Prints its members, the operative's name and the access notes the tenant left.</summary>
public sealed record ContractorVisit(string JobNumber, string OperativeName, string OperativeMobile, string AccessNotes, DateTimeOffset ArrivedAt);

public interface IRepairsDispatch
{
    Task<ContractorJob> RaiseAsync(RepairRequest request, CancellationToken cancellationToken = default);

    Task<ContractorVisit?> GetVisitAsync(string jobNumber, CancellationToken cancellationToken = default);
}

/// <summary>No operative could get in; its message quotes the job and the tenant's mobile that did not answer.</summary>
public sealed class NoAccessException(string jobNumber, string tenantMobile)
    : Exception($"No access for job {jobNumber}; tenant on {tenantMobile} did not answer")
{
    public string JobNumber { get; } = jobNumber;
}

/// <summary>No contractor covers the trade in the area; its message quotes the trade and the region.</summary>
public sealed class NoContractorException(string tradeCode, string region)
    : Exception($"No contractor for {tradeCode} in {region}")
{
    public string TradeCode { get; } = tradeCode;
}
