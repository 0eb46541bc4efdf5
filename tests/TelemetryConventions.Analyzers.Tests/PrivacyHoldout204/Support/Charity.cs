namespace PrivacyHoldout204.Support;

// The foodbank network's records and systems of record. None of these is telemetry: the stores,
// ledgers, gateways and clients below are where the data lives or is sent for the work itself.

/// <summary>A household the foodbank serves. Prints the lead's name, phone and postcode.</summary>
public sealed record Household(string HouseholdId, string LeadName, string Phone, string Postcode, int Adults, int Children);

/// <summary>A referral made by an agency (a GP, a school, Citizens Advice) for a household.</summary>
public sealed record Referral(string ReferralId, string AgencyCode, string HouseholdId, string ClientName, string Reason, string ReferrerEmail);

/// <summary>What the distribution centre needs to know about a referral: no person in it.</summary>
public sealed record ReferralSummary(string ReferralId, string AgencyCode, int ParcelCount, string Status);

/// <summary>A household's dietary needs: fixed diet codes and a free-text note typed by the referrer.</summary>
public sealed record DietaryNeeds(string HouseholdId, IReadOnlyList<string> DietCodes, string? Notes);

/// <summary>A food voucher issued to one household.</summary>
public sealed record FoodVoucher(string VoucherCode, string HouseholdId, string ReferralId, DateOnly Expires);

/// <summary>A parcel packed at a warehouse: no person in it.</summary>
public sealed record ParcelBatch(string BatchId, string WarehouseId, int Parcels, int GlutenFree, int Halal);

/// <summary>A volunteer.</summary>
public sealed record Volunteer(string VolunteerId, string FullName, string Email, string Mobile, string Role);

/// <summary>A volunteer's DBS check.</summary>
public sealed record DbsCheck(string VolunteerId, string CertificateNumber, string Workforce, DateOnly IssuedOn, string Surname);

/// <summary>A volunteer's rota slot: a shift at a site, no person in it.</summary>
public sealed record RotaSlot(string ShiftId, string SiteCode, DateTime StartsAt, int VolunteersNeeded, int VolunteersBooked);

/// <summary>A donor.</summary>
public sealed record Donor(string SupporterNumber, string Name, string Email, string HouseNumber, string Postcode);

/// <summary>A donation (prints the donor's supporter number).</summary>
public sealed record Donation(string DonationId, string SupporterNumber, decimal Amount, string Currency, bool GiftAid);

/// <summary>A Gift Aid declaration made by a donor.</summary>
public sealed record GiftAidDeclaration(string SupporterNumber, string FullName, string HouseNumber, string Postcode, DateOnly MadeOn);

/// <summary>A Gift Aid claim sent to HMRC: lines and totals.</summary>
public sealed record GiftAidClaim(string ClaimId, int Lines, decimal Reclaimable, string CharityNumber);

/// <summary>A crisis grant application: the applicant and where the money goes.</summary>
public sealed record CrisisGrantApplication(string ApplicationId, string ApplicantName, string NationalInsuranceNumber, string SortCode, string AccountNumber, decimal Amount, string Reason);

/// <summary>The decision on a crisis grant: no person in it.</summary>
public sealed record GrantDecision(string ApplicationId, string Outcome, decimal Amount, string FundCode);

/// <summary>A volunteer's profile, a class without ToString.</summary>
public sealed class VolunteerProfile
{
    public required string VolunteerId { get; init; }

    public required string FullName { get; init; }

    public required string Email { get; init; }

    public int ShiftsThisYear { get; init; }
}

public sealed class HouseholdStore
{
    public Task<Household?> FindAsync(string householdId, CancellationToken ct) => Task.FromResult<Household?>(null);

    public Task<DietaryNeeds> DietaryNeedsAsync(string householdId, CancellationToken ct) => Task.FromResult(new DietaryNeeds(householdId, Array.Empty<string>(), null));

    public Task SaveAsync(Household household, CancellationToken ct) => Task.CompletedTask;

    public int ParcelsThisMonth(string householdId) => 0;
}

public sealed class ReferralStore
{
    public Task<Referral?> FindAsync(string referralId, CancellationToken ct) => Task.FromResult<Referral?>(null);

    public Task SaveAsync(Referral referral, CancellationToken ct) => Task.CompletedTask;

    public ReferralSummary Summarise(Referral referral) => new(referral.ReferralId, referral.AgencyCode, 1, "open");
}

public sealed class VoucherLedger
{
    public Task<FoodVoucher> IssueAsync(string householdId, string referralId, CancellationToken ct) => Task.FromResult(new FoodVoucher("FV-0000-0000", householdId, referralId, DateOnly.MinValue));

    public Task<FoodVoucher?> FindAsync(string voucherCode, CancellationToken ct) => Task.FromResult<FoodVoucher?>(null);

    public Task RedeemAsync(string voucherCode, string siteCode, CancellationToken ct) => Task.CompletedTask;
}

public sealed class VolunteerRegistry
{
    public Task<Volunteer?> FindAsync(string volunteerId, CancellationToken ct) => Task.FromResult<Volunteer?>(null);

    public Task<VolunteerProfile?> ProfileAsync(string volunteerId, CancellationToken ct) => Task.FromResult<VolunteerProfile?>(null);

    public Task<RotaSlot?> SlotAsync(string shiftId, CancellationToken ct) => Task.FromResult<RotaSlot?>(null);

    public Task BookAsync(string volunteerId, string shiftId, CancellationToken ct) => Task.CompletedTask;
}

public sealed class DbsUpdateServiceClient
{
    public Task<string> StatusAsync(string certificateNumber, string surname, DateOnly dateOfBirth, CancellationToken ct) => Task.FromResult("CURRENT");
}

public sealed class DonorCrm
{
    public Task<Donor?> FindAsync(string supporterNumber, CancellationToken ct) => Task.FromResult<Donor?>(null);

    public Task<Donor?> FindByEmailAsync(string email, CancellationToken ct) => Task.FromResult<Donor?>(null);

    public Task RecordAsync(Donation donation, CancellationToken ct) => Task.CompletedTask;

    public Task SaveDeclarationAsync(GiftAidDeclaration declaration, CancellationToken ct) => Task.CompletedTask;
}

public sealed class HmrcGiftAidGateway
{
    public Task<string> SubmitAsync(GiftAidClaim claim, IReadOnlyList<GiftAidDeclaration> lines, CancellationToken ct) => Task.FromResult("HMRC-ACK-0");
}

public sealed class GrantPaymentsGateway
{
    public Task<string> PayAsync(string sortCode, string accountNumber, decimal amount, CancellationToken ct) => Task.FromResult("BACS-0");
}

public sealed class WarehouseStock
{
    public int Available(string warehouseId, string item) => 0;

    public Task<ParcelBatch> PackAsync(string warehouseId, int parcels, CancellationToken ct) => Task.FromResult(new ParcelBatch("B-0", warehouseId, parcels, 0, 0));
}

public sealed class SmsSender
{
    public Task SendAsync(string mobile, string text, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Quotes the household id it could not find.</summary>
public sealed class HouseholdNotFoundException(string householdId) : Exception($"No household {householdId} on the register");

/// <summary>Quotes the voucher code that was redeemed before.</summary>
public sealed class VoucherAlreadyRedeemedException(string voucherCode, string siteCode) : Exception($"Voucher {voucherCode} was already redeemed at {siteCode}");

/// <summary>Quotes the certificate number and surname the update service rejected.</summary>
public sealed class DbsCheckFailedException(string certificateNumber, string surname) : Exception($"DBS certificate {certificateNumber} does not match surname {surname}");

/// <summary>Quotes the email no donor was found for.</summary>
public sealed class DonorNotFoundException(string email) : Exception($"No donor with email {email}");

/// <summary>Quotes the applicant's account number the bank rejected.</summary>
public sealed class GrantPaymentRejectedException(string accountNumber) : Exception($"Bank rejected payment to account {accountNumber}");

/// <summary>Quotes a warehouse and an item: nothing personal.</summary>
public sealed class StockShortageException(string warehouseId, string item, int missing) : Exception($"{warehouseId} is {missing} short of {item}");

/// <summary>Quotes the status code of the agencies' portal: nothing personal.</summary>
public sealed class AgencyPortalUnavailableException(int statusCode) : Exception($"Referral portal answered {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>Quotes the fund and what is left in it: nothing personal.</summary>
public sealed class GrantFundExhaustedException(string fundCode, decimal remaining) : Exception($"Fund {fundCode} has {remaining:0.00} left");
