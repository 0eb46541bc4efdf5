namespace Collections;

// Credit control: dunning notices by stage and the placement of a debt with a collection agency.

public sealed record DunningNotice(string NoticeId, string AccountNumber, int Level, decimal Outstanding, DateOnly IssuedOn, string Channel);

public sealed record DunningPolicy(int Level, int DaysOverdue, string Template, bool Fee);

public sealed record DebtPlacement(string PlacementId, string AgencyCode, string DebtorReference, string DebtorName, PostalAddressLine Address, decimal Balance, DateOnly PlacedOn);

public sealed record PostalAddressLine(string Text, string Postcode);

public sealed record PlacementReceipt(string AgencyCaseId, string Status, DateTimeOffset ReceivedAt);

public interface ICollectionAgencyClient
{
    Task<PlacementReceipt> PlaceAsync(DebtPlacement placement, CancellationToken cancellationToken = default);

    Task RecallAsync(string agencyCaseId, string reason, CancellationToken cancellationToken = default);
}

/// <summary>The agency refused a placement; the message quotes the debtor reference it was given.</summary>
public sealed class PlacementRejectedException(string debtorReference, string code)
    : Exception($"Placement for debtor {debtorReference} rejected ({code})")
{
    public string Code { get; } = code;
}

public interface INoticeSender
{
    Task SendAsync(DunningNotice notice, string to, CancellationToken cancellationToken = default);
}
