namespace Festivals.Venues;

/// <summary>An accreditation: crew id, full name, company, role, zone and the badge number printed on the pass.</summary>
public sealed record Accreditation(string CrewId, string FullName, string Company, string Role, string Zone, string BadgeNumber);

/// <summary>What a role may enter; names no one.</summary>
public sealed record ZoneAccess(string Role, string Zone, bool AllAreas);

/// <summary>A lost item: item id, category, where it was found, the finder's description and the claimant's email once claimed.</summary>
public sealed record LostItem(string ItemId, string Category, string FoundAt, string Description, string? ClaimantEmail);

/// <summary>The shelf tag of a lost item: id, category, found-at and shelf; names no one.</summary>
public sealed record LostItemTag(string ItemId, string Category, string FoundAt, string Shelf);

public interface IAccreditationStore
{
    Task<Accreditation?> FindAsync(string crewId, CancellationToken cancellationToken = default);
}

public interface ILostPropertyStore
{
    Task<LostItem?> FindAsync(string itemId, CancellationToken cancellationToken = default);

    Task SaveAsync(LostItem item, CancellationToken cancellationToken = default);
}

/// <summary>Sends emails and texts to people (not telemetry).</summary>
public interface IEventMessenger
{
    Task SendAsync(string to, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>An accreditation was revoked; quotes the crew id.</summary>
public sealed class AccreditationRevokedException(string crewId) : Exception($"Accreditation of {crewId} was revoked");

/// <summary>A claim was rejected; quotes the item and a reason code.</summary>
public sealed class ClaimRejectedException(string itemId, string reasonCode) : Exception($"Claim on {itemId} rejected: {reasonCode}");
