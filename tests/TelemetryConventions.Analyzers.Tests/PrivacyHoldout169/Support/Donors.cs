namespace Fundraising.Donors;

// Donors, their gifts and Gift Aid.

/// <summary>A donor. Prints supporter number, full name, email, mobile, house number and postcode.</summary>
public sealed record Donor(string SupporterNumber, string FullName, string Email, string Mobile, string HouseNumber, string Postcode);

/// <summary>A gift. Prints donation id, supporter number, amount, currency, the Gift Aid flag and the campaign.</summary>
public sealed record Donation(string DonationId, string SupporterNumber, decimal Amount, string Currency, bool GiftAid, string Campaign);

/// <summary>A Gift Aid declaration. Prints declaration id, supporter number, full name, house number, postcode and date.</summary>
public sealed record GiftAidDeclaration(string DeclarationId, string SupporterNumber, string FullName, string HouseNumber, string Postcode, DateOnly MadeOn);

/// <summary>A claim to HMRC: claim id, line count and reclaimable tax; names no one.</summary>
public sealed record GiftAidClaim(string ClaimId, int Lines, decimal Reclaimable);

/// <summary>The card gateway's answer: charge id, the card's last four digits and a status; names no one.</summary>
public sealed record ChargeResult(string ChargeId, string Last4, string Status);

public interface IDonorStore
{
    Task<Donor?> FindAsync(string supporterNumber, CancellationToken cancellationToken = default);

    Task<GiftAidDeclaration?> FindDeclarationAsync(string supporterNumber, CancellationToken cancellationToken = default);

    Task SaveAsync(Donation donation, CancellationToken cancellationToken = default);
}

/// <summary>The card gateway; not telemetry.</summary>
public interface ICardGateway
{
    Task<ChargeResult> ChargeAsync(string paymentMethodToken, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>Thank-you letters, emails and texts; not telemetry.</summary>
public interface IDonorMessenger
{
    Task SendAsync(string emailOrMobile, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>HMRC Charities Online; not telemetry.</summary>
public interface ICharitiesOnline
{
    Task<GiftAidClaim> SubmitAsync(IReadOnlyList<GiftAidDeclaration> lines, CancellationToken cancellationToken = default);
}

/// <summary>No donor with that number; quotes the supporter number.</summary>
public sealed class DonorNotFoundException(string supporterNumber) : Exception($"No donor with supporter number {supporterNumber}");

/// <summary>HMRC rejected a claim line; quotes the donor's surname and postcode.</summary>
public sealed class ClaimLineRejectedException(string surname, string postcode) : Exception($"Claim line rejected: {surname} {postcode} does not match HMRC records");

/// <summary>The card was declined; quotes the gateway's decline code only.</summary>
public sealed class CardDeclinedException(string declineCode) : Exception($"Card declined ({declineCode})");
