namespace PrivacyHoldout212.Support;

// The baby products platform: parents, registered car seats, recalls, gift lists, warranty claims, returns and
// fitting appointments. Systems of record and gateways, not telemetry.

public sealed record Parent(string ParentId, string FullName, string Email, string Mobile, string Postcode);

public sealed record SeatRegistration(string RegistrationId, string ParentId, string SeatSerial, string ModelCode, string BatchCode, DateOnly ManufacturedOn, string OwnerEmail);

public sealed record RecallNotice(string RecallId, string ModelCode, string BatchCode, string Severity, int AffectedUnits);

public sealed record GiftList(string ListNumber, string ParentId, string BabyName, DateOnly DueDate, int ItemCount, string DeliveryPostcode);

public sealed record GiftListStats(string StoreCode, int ItemCount, int Purchased, decimal Value);

public sealed record WarrantyClaim(string ClaimId, string ProductSerial, string CustomerEmail, string FaultDescription, decimal Amount);

public sealed record ClaimOutcome(string ClaimId, string Decision, decimal Refund, string ModelCode);

public sealed record FittingAppointment(string AppointmentId, string StoreCode, DateTime Slot, string ParentName, string ParentMobile, string VehicleReg, string SeatModel);

public sealed record FittingSlot(string AppointmentId, string StoreCode, DateTime Slot, string SeatModel, int Minutes);

public sealed record ReturnRequest(string ReturnId, string OrderId, string CustomerId, string ReasonCode, decimal Refund);

public sealed record ReturnSummary(string ReturnId, string OrderId, string ReasonCode, decimal Refund);

public sealed record PriorityRegistration(string AccountNumber, string HolderName, DateOnly BabyBirthDate, string Phone, string Tariff);

public sealed record CarSeatHire(string HireId, string BookingReference, string PassengerName, string PassengerMobile, string SeatType, int ChildAgeMonths);

public sealed record ProductReview(string ReviewId, string ModelCode, int Stars, string ReviewerName, string Body);

/// <summary>A fitter's profile as the rota system returns it (no ToString: logged as a value it prints its type name).</summary>
public sealed class FitterProfile
{
    public required string FitterId { get; init; }

    public required string Name { get; init; }

    public required string StoreCode { get; init; }

    public int Certifications { get; init; }
}

public interface IRegistrationStore
{
    Task<SeatRegistration?> FindBySerialAsync(string seatSerial, CancellationToken ct);

    Task<IReadOnlyList<SeatRegistration>> FindByBatchAsync(string modelCode, string batchCode, CancellationToken ct);

    Task<Parent?> FindParentAsync(string parentId, CancellationToken ct);

    Task SaveAsync(SeatRegistration registration, CancellationToken ct);
}

public interface IRecallMailer
{
    Task<bool> SendAsync(string email, RecallNotice notice, CancellationToken ct);
}

public interface IGiftListStore
{
    Task<GiftList?> FindAsync(string listNumber, CancellationToken ct);

    Task<GiftListStats> StatsAsync(string listNumber, CancellationToken ct);
}

public interface IWarrantyGateway
{
    Task<ClaimOutcome> SubmitAsync(WarrantyClaim claim, CancellationToken ct);
}

public interface IFittingDiary
{
    Task<FittingSlot> BookAsync(FittingAppointment appointment, CancellationToken ct);

    Task<FitterProfile> FitterForAsync(string storeCode, DateTime slot, CancellationToken ct);
}

/// <summary>Quotes the seat serial, which identifies the household it is registered to.</summary>
public sealed class RegistrationNotFoundException(string seatSerial)
    : Exception($"No registration for seat serial {seatSerial}")
{
    public string SeatSerial { get; } = seatSerial;
}

/// <summary>Quotes the parent's email the recall notice bounced from.</summary>
public sealed class RecallEmailBouncedException(string email)
    : Exception($"Recall notice bounced for {email}");

/// <summary>Quotes the supplier and the status code only.</summary>
public sealed class RecallFeedUnavailableException(string supplier, int statusCode)
    : Exception($"Recall feed {supplier} answered {statusCode}");

/// <summary>Quotes the appointment and the store only.</summary>
public sealed class FittingSlotTakenException(string appointmentId, string storeCode)
    : Exception($"Fitting slot {appointmentId} at {storeCode} is already taken");

/// <summary>Quotes the claim id and the model only.</summary>
public sealed class ClaimRejectedException(string claimId, string modelCode)
    : Exception($"Warranty claim {claimId} for model {modelCode} was rejected");
