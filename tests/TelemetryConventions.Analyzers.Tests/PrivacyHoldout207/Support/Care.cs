namespace PrivacyHoldout207.Support;

// Records of the hearing and eye care services and their systems of record. None of this is telemetry.

public sealed record Patient(string NhsNumber, string FullName, string Mobile, string Email, DateOnly DateOfBirth, string Postcode, string AddressLine);

public sealed record HearingAidFitting(string FittingId, string NhsNumber, string PatientName, string LeftSerial, string RightSerial, string Model, int GainDb);

public sealed record AudiogramResult(string TestId, string ClinicCode, int LeftAverageDb, int RightAverageDb, string LossBand);

public sealed record SightTest(string TestId, string PatientRecord, string PatientName, string GocNumber, decimal RightSphere, decimal LeftSphere, string Notes);

public sealed record LensPrescription(string PrescriptionId, decimal Sphere, decimal Cylinder, int Axis, decimal Addition);

public sealed record GosVoucher(string VoucherCode, string NhsNumber, string Band, decimal Value);

public sealed record HomeVisit(string VisitId, string NhsNumber, string PatientName, string AddressLine, string Postcode, string KeySafeCode, string Round);

public sealed record VisitSlot(string VisitId, string Round, DateTime Start, int DurationMinutes);

public sealed record ScreeningResult(string Upn, string PupilName, string School, string HearingOutcome, string VisionOutcome, string ParentEmail);

public sealed record ScreeningRoundSummary(string RoundId, string School, int Screened, int Referred);

public sealed record PriorityRequest(string AccountNumber, string HolderName, string Phone, string Need, string Format, string Postcode, string MeterSerial);

public sealed record AccessibilityProfile(Guid PlayerId, string Gamertag, string ColourMode, bool MonoAudio, string? PairedHearingAidSerial);

public sealed record CaptionPreset(string PresetId, string Title, int FontScale, bool SpeakerLabels);

public sealed record SubtitleRequest(string RequestId, string ViewerId, string ViewerEmail, string ProgrammeId, string Kind, string Comment);

public sealed record CampaignBooking(string BookingId, string ViewerName, string ViewerPhone, string Postcode, string OpticianBranch);

public sealed record LensSubscription(string SubscriptionNumber, string CustomerNumber, string CustomerName, string Email, string Sku, int BoxesPerDelivery);

public sealed record LensOrder(string OrderId, string Sku, int Boxes, string Store);

public sealed record HearingAidSale(string SaleId, string CustomerNumber, string CustomerName, string SerialNumber, string Model, decimal Price);

public sealed record AssistanceBooking(string BookingRef, string PassengerName, string Mobile, string FromStation, string ToStation, string Need);

public sealed record StaffHearingCheck(string StaffNumber, string StaffName, string Depot, int LeftDb, int RightDb, string Category);

/// <summary>An audiologist or optometrist on the register; no ToString override.</summary>
public sealed class ClinicianProfile
{
    public required string RegistrationNumber { get; init; }

    public required string Name { get; init; }

    public required string Profession { get; init; }
}

public sealed class PatientStore
{
    public Task<Patient?> FindAsync(string nhsNumber, CancellationToken ct) => Task.FromResult<Patient?>(null);

    public Task SaveFittingAsync(HearingAidFitting fitting, CancellationToken ct) => Task.CompletedTask;

    public Task<IReadOnlyList<HomeVisit>> VisitsForRoundAsync(string round, CancellationToken ct) => Task.FromResult<IReadOnlyList<HomeVisit>>([]);
}

public sealed class VoucherGateway
{
    public Task<bool> ClaimAsync(GosVoucher voucher, CancellationToken ct) => Task.FromResult(true);
}

public sealed class LensSupplierClient
{
    public Task<string> PlaceOrderAsync(LensSubscription subscription, CancellationToken ct) => Task.FromResult("PO-1");
}

public sealed class ScreeningStore
{
    public Task SaveAsync(ScreeningResult result, CancellationToken ct) => Task.CompletedTask;

    public Task<ScreeningRoundSummary> SummaryAsync(string roundId, CancellationToken ct) => Task.FromResult(new ScreeningRoundSummary(roundId, "", 0, 0));
}

public sealed class PriorityRegister
{
    public Task AddAsync(PriorityRequest request, CancellationToken ct) => Task.CompletedTask;
}

public sealed class AssistanceStore
{
    public Task<AssistanceBooking?> FindAsync(string bookingRef, CancellationToken ct) => Task.FromResult<AssistanceBooking?>(null);

    public Task SaveCheckAsync(StaffHearingCheck check, CancellationToken ct) => Task.CompletedTask;
}

public sealed class TextMessenger
{
    public Task SendAsync(string mobile, string body, CancellationToken ct) => Task.CompletedTask;
}

public sealed class PatientNotFoundException(string nhsNumber) : Exception($"No patient with NHS number {nhsNumber}")
{
    public string NhsNumber { get; } = nhsNumber;
}

public sealed class HearingAidSerialMismatchException(string serial, string fittingId) : Exception($"Hearing aid {serial} is not paired to fitting {fittingId}");

public sealed class KeySafeRejectedException(string addressLine) : Exception($"Key safe code refused at {addressLine}");

public sealed class PrescriptionExpiredException(string subscriptionNumber) : Exception($"Prescription for subscription {subscriptionNumber} has expired");

public sealed class ClinicFullException(string clinicCode, DateOnly day) : Exception($"Clinic {clinicCode} has no slots on {day:yyyy-MM-dd}");

public sealed class StockUnavailableException(string sku, string store) : Exception($"SKU {sku} out of stock at {store}");

public sealed class SupplierTimeoutException(string supplier, int statusCode) : Exception($"{supplier} answered {statusCode}");

public sealed class RoundClosedException(string roundId) : Exception($"Screening round {roundId} is closed");
