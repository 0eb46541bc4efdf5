namespace Dental.Practice;

/// <summary>A patient of the practice as the practice management system holds them.</summary>
public sealed record DentalPatient(string PatientNumber, string NhsNumber, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string Postcode, bool Exempt);

/// <summary>A course of treatment: NHS band or private, items, the patient charge and the dentist's note.</summary>
public sealed record TreatmentPlan(Guid PlanId, string PatientNumber, string PatientName, string Band, IReadOnlyList<string> Items, decimal PatientCharge, string ClinicalNote);

/// <summary>What the front desk sees of a plan: no patient in it.</summary>
public sealed record PlanSummary(Guid PlanId, string Band, int ItemCount, decimal PatientCharge, string Surgery);

/// <summary>A recall due, with the text it will be sent to.</summary>
public sealed record RecallReminder(string PatientNumber, string Mobile, string FirstName, DateOnly DueOn, int IntervalMonths, string Practice);

/// <summary>An X-ray taken at the chair; the file name is the patient number and the date.</summary>
public sealed record Radiograph(Guid ImageId, string PatientNumber, string Kind, string Tooth, string FileName, int DoseMicroSieverts);

/// <summary>One line of the dental chart.</summary>
public sealed record ChartEntry(string Tooth, string Surface, string Condition, string? Comment);

/// <summary>A monthly payment plan for private treatment.</summary>
public sealed record PaymentPlan(Guid PlanId, string PayerName, string SortCode, string AccountNumber, decimal Monthly, int Instalments);

/// <summary>A fee from the practice's price list.</summary>
public sealed record FeeQuote(string ItemCode, string Description, decimal Fee, bool Private);

/// <summary>A dentist, hygienist or therapist. A class without ToString.</summary>
public sealed class Clinician
{
    public required string PerformerNumber { get; init; }

    public required string GdcNumber { get; init; }

    public required string Name { get; init; }

    public required string Role { get; init; }

    public required string Surgery { get; init; }
}

/// <summary>The practice management system's patient records (not telemetry).</summary>
public sealed class PatientStore
{
    public Task<DentalPatient?> FindAsync(string patientNumber) => Task.FromResult<DentalPatient?>(null);

    public Task<IReadOnlyList<DentalPatient>> DueForRecallAsync(DateOnly by) => Task.FromResult<IReadOnlyList<DentalPatient>>(Array.Empty<DentalPatient>());
}

/// <summary>Treatment plans (not telemetry).</summary>
public sealed class PlanStore
{
    public Task<IReadOnlyList<TreatmentPlan>> ListAsync(string patientNumber) => Task.FromResult<IReadOnlyList<TreatmentPlan>>(Array.Empty<TreatmentPlan>());

    public Task<TreatmentPlan?> GetAsync(Guid planId) => Task.FromResult<TreatmentPlan?>(null);

    public Task<TreatmentPlan> CreateAsync(string patientNumber, string band, IReadOnlyList<string> items) =>
        Task.FromResult(new TreatmentPlan(Guid.NewGuid(), patientNumber, string.Empty, band, items, 0m, string.Empty));
}

/// <summary>The imaging archive X-rays are stored in (not telemetry).</summary>
public sealed class ImagingArchive
{
    public Task<Radiograph> StoreAsync(string patientNumber, string kind, string tooth, byte[] image) =>
        Task.FromResult(new Radiograph(Guid.NewGuid(), patientNumber, kind, tooth, $"{patientNumber}-{DateTime.UtcNow:yyyyMMdd}.dcm", 4));
}

/// <summary>The text message provider (a sink of its own, not telemetry). Returns the provider's message id.</summary>
public sealed class SmsGateway
{
    public Task<string> SendAsync(string mobile, string body) => Task.FromResult(Guid.NewGuid().ToString("N"));
}

/// <summary>The finance partner that opens payment plans (not telemetry).</summary>
public sealed class PaymentPlanGateway
{
    public Task<Guid> OpenAsync(PaymentPlan plan) => Task.FromResult(plan.PlanId);
}

/// <summary>The NHS dental claims portal (FP17). Returns the claim reference.</summary>
public sealed class ClaimsPortal
{
    public Task<string> SubmitFp17Async(string performerNumber, string nhsNumber, string band) => Task.FromResult("FP17-" + Guid.NewGuid().ToString("N")[..8]);
}

/// <summary>The performers list of the practice (not telemetry).</summary>
public sealed class ClinicianDirectory
{
    public Clinician? Find(string performerNumber) => null;
}

/// <summary>Quotes the patient number that was not found.</summary>
public sealed class PatientNotFoundException(string patientNumber) : Exception($"No patient with number {patientNumber}");

/// <summary>Quotes the payer's name and bank account number.</summary>
public sealed class PaymentPlanDeclinedException(string payerName, string accountNumber)
    : Exception($"Finance partner declined the plan for {payerName} (account {accountNumber})");

/// <summary>Quotes the performer number and name of the clinician.</summary>
public sealed class ClinicianNotOnPerformersListException(string performerNumber, string name)
    : Exception($"Performer {performerNumber} ({name}) is not on the performers list");

/// <summary>Quotes the surgery and the slot only.</summary>
public sealed class ChairUnavailableException(string surgery, DateTime slot)
    : Exception($"Surgery {surgery} has no chair free at {slot:HH:mm}");

/// <summary>Quotes the imaging device and its status code only.</summary>
public sealed class ImagingDeviceOfflineException(string deviceId, int statusCode)
    : Exception($"Imaging device {deviceId} answered {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>Quotes the plan id only.</summary>
public sealed class PlanNotFoundException(Guid planId) : Exception($"No treatment plan {planId}");
