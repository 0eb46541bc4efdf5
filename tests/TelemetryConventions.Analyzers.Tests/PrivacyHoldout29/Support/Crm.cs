using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout29.Support.Crm;

// A small stand-in for a HubSpot/Salesforce-style CRM client: contacts, leads and accounts with
// property bags, search, batch upsert and merge. Only the shapes matter.

public sealed class CrmContact
{
    public required string Id { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }

    public string? LifecycleStage { get; init; }

    public string? OwnerId { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public Dictionary<string, string?> Properties { get; init; } = new();
}

public sealed class CrmLead
{
    public required string Id { get; init; }

    public required string Email { get; init; }

    public string? Company { get; init; }

    public string? Source { get; init; }

    public string Status { get; init; } = "open";
}

public sealed class CrmAccount
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Industry { get; init; }

    public int ContactCount { get; init; }
}

public sealed record CrmUpsertInput(string IdProperty, string IdValue, IReadOnlyDictionary<string, string?> Properties);

public sealed record CrmUpsertResult(string Id, bool Created, int ChangedProperties);

public sealed record CrmBatchResult(IReadOnlyList<CrmUpsertResult> Results, IReadOnlyList<CrmBatchError> Errors);

/// <summary>One failed input of a batch: the CRM's category and its message (which quotes the input's values).</summary>
public sealed record CrmBatchError(string Category, string Message, IReadOnlyDictionary<string, string> Context);

public sealed record CrmMergeResult(string SurvivingId, IReadOnlyList<string> MergedIds, int MovedActivities);

/// <summary>
/// An error answered by the CRM's API. As HubSpot's do, the message of a CONFLICT quotes the existing
/// record ("Contact already exists. Existing ID: 51") and a VALIDATION_ERROR quotes the invalid value
/// ("Email address jo@@example.org is invalid"); RATE_LIMITS and OBJECT_NOT_FOUND carry fixed texts.
/// </summary>
public sealed class CrmApiException(int statusCode, string category, string message, string correlationId) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Category { get; } = category;

    public string CorrelationId { get; } = correlationId;
}

public interface ICrmClient
{
    Task<CrmContact?> GetContactAsync(string contactId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CrmContact>> SearchContactsAsync(string property, string value, CancellationToken cancellationToken);

    Task<CrmUpsertResult> UpsertContactAsync(CrmUpsertInput input, CancellationToken cancellationToken);

    Task<CrmBatchResult> BatchUpsertAsync(string objectType, IReadOnlyList<CrmUpsertInput> inputs, CancellationToken cancellationToken);

    Task<CrmLead> CreateLeadAsync(CrmLead lead, CancellationToken cancellationToken);

    Task<CrmAccount?> GetAccountAsync(string accountId, CancellationToken cancellationToken);

    Task<CrmMergeResult> MergeContactsAsync(string primaryId, string secondaryId, CancellationToken cancellationToken);

    Task DeleteContactAsync(string contactId, bool gdprDelete, CancellationToken cancellationToken);

    IAsyncEnumerable<CrmContact> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
