namespace Goodwork.Giving;

// Donations, a card gateway and Gift Aid claims to HMRC's Charities Online.

/// <summary>A donation. Prints its members: id, donor's id, amount, currency, Gift Aid flag and campaign.</summary>
public sealed record Donation(string DonationId, string DonorId, decimal Amount, string Currency, bool GiftAid, string Campaign);

/// <summary>A Gift Aid declaration. Prints its members: id, donor's id, title, names, house number, postcode and date.</summary>
public sealed record GiftAidDeclaration(
    string DeclarationId, string DonorId, string? Title, string FirstName, string LastName, string HouseNameOrNumber, string Postcode, DateOnly DeclaredOn);

/// <summary>The gateway's answer to a charge. Prints its members: charge id, status, amount and card's last four digits.</summary>
public sealed record ChargeResult(string ChargeId, string Status, decimal Amount, string CardLast4);

/// <summary>A batch of Gift Aid claimed from HMRC. Prints its members: reference, donations, tax reclaimed and period.</summary>
public sealed record GiftAidClaim(string ClaimRef, int DonationCount, decimal TaxReclaimed, string Period);

public interface IPaymentGateway
{
    Task<ChargeResult> ChargeAsync(string paymentMethodToken, decimal amount, string currency, string description, CancellationToken cancellationToken = default);

    Task RefundAsync(string chargeId, decimal amount, CancellationToken cancellationToken = default);
}

public interface IDonationLedger
{
    Task<Donation> RecordAsync(Donation donation, CancellationToken cancellationToken = default);

    Task SaveDeclarationAsync(GiftAidDeclaration declaration, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Donation>> UnclaimedAsync(string period, CancellationToken cancellationToken = default);

    Task<GiftAidDeclaration?> DeclarationForAsync(string donorId, CancellationToken cancellationToken = default);
}

public interface ICharitiesOnlineClient
{
    Task<GiftAidClaim> SubmitAsync(string period, IReadOnlyList<(GiftAidDeclaration Declaration, Donation Donation)> lines, CancellationToken cancellationToken = default);
}

/// <summary>The card was declined; carries the gateway's decline code.</summary>
public sealed class CardDeclinedException(string declineCode)
    : Exception($"Card declined: {declineCode}")
{
    public string DeclineCode { get; } = declineCode;
}

/// <summary>HMRC rejected a claim line; its message quotes the donor's surname and postcode as submitted.</summary>
public sealed class ClaimLineRejectedException(string lastName, string postcode, string errorCode)
    : Exception($"HMRC {errorCode}: donor {lastName} {postcode} not valid")
{
    public string ErrorCode { get; } = errorCode;
}
