namespace PrivacyHoldout77.Healthcare;

public sealed class Patient
{
    public Guid Id { get; init; }

    public required string HospitalNumber { get; init; }

    public required string NhsNumber { get; init; }

    public required string GivenName { get; init; }

    public required string FamilyName { get; init; }

    public DateOnly DateOfBirth { get; init; }

    public string? Email { get; init; }

    public string? MobilePhone { get; init; }

    public string? GpPracticeCode { get; init; }
}

public sealed class ClinicSlot
{
    public Guid Id { get; init; }

    public required string ClinicCode { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public int DurationMinutes { get; init; }

    public int Booked { get; init; }

    public int Capacity { get; init; }
}

/// <summary>The summary the portal shows at the top of a patient's page.</summary>
public sealed record PatientSummaryDto(string HospitalNumber, string DisplayName, DateOnly DateOfBirth, string? GpPracticeCode);

/// <summary>A bookable slot; nothing in it names a patient.</summary>
public sealed record ClinicSlotDto(Guid SlotId, string ClinicCode, DateTimeOffset StartsAt, int DurationMinutes, bool Bookable);

/// <summary>One row of a practice's waiting list report.</summary>
public sealed record WaitingListRowDto(string NhsNumber, string FamilyName, int WeeksWaiting);

public static class PatientMappings
{
    public static PatientSummaryDto ToDto(this Patient patient) =>
        new(patient.HospitalNumber, $"{patient.FamilyName.ToUpperInvariant()}, {patient.GivenName}", patient.DateOfBirth, patient.GpPracticeCode);

    public static ClinicSlotDto ToDto(this ClinicSlot slot) =>
        new(slot.Id, slot.ClinicCode, slot.StartsAt, slot.DurationMinutes, slot.Booked < slot.Capacity);
}

public sealed class ClinicalMappingProfile : Profile
{
    public ClinicalMappingProfile()
    {
        CreateMap<Patient, PatientSummaryDto>();
        CreateMap<ClinicSlot, ClinicSlotDto>();
    }
}

public interface IClinicalStore
{
    IQueryable<Patient> Patients { get; }

    IQueryable<ClinicSlot> Slots { get; }
}

public sealed class PatientSummaryEndpoints(IClinicalStore store, IMapper mapper, ILogger<PatientSummaryEndpoints> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Histogram<int> _rows = meter.CreateHistogram<int>("clinapi.projection.rows", "{row}");

    public ActionResult GetSummary(ApiCall call, string hospitalNumber)
    {
        var span = Activity.Current.EnrichClinapiRequest(call.RouteTemplate); // clean precision-about
        span.SetClinapiPatientId(pseudonymizer.PseudonymizeClinapiPatientId(hospitalNumber)); // clean precision-pseudonym
        span.SetClinapiContractVersion(call.RequestedVersion.ToString()); // clean precision-about

        var patient = store.Patients.SingleOrDefault(p => p.HospitalNumber == hospitalNumber);
        if (patient is null)
        {
            throw new PatientNotFoundException(hospitalNumber);
        }

        var started = Stopwatch.GetTimestamp();
        var dto = call.RequestedVersion.Major >= 2 ? mapper.Map<PatientSummaryDto>(patient) : patient.ToDto();
        meter.CreateClinapiMappingDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, clinapiContractVersion: call.RequestedVersion.ToString(), clinapiOutcome: "ok"); // clean precision-about

        logger.LogDebug("Mapped patient summary {Summary}", dto); // leak TC1001 logging-objects
        logger.LogDebug("Summary for practice {Practice}, born {Year}", dto.GpPracticeCode, dto.DateOfBirth.Year); // clean precision-about
        Activity.Current?.SetTag("clinapi.summary.has_contact", patient.Email is not null || patient.MobilePhone is not null); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("summary.mapped", tags: new ActivityTagsCollection { ["summary.display_name"] = dto.DisplayName })); // leak TC1001 direct
        return new OkResult(dto);
    }

    public ActionResult ListSlots(string clinicCode)
    {
        var slots = store.Slots
            .Where(s => s.ClinicCode == clinicCode && s.StartsAt > DateTimeOffset.UtcNow)
            .Select(s => new ClinicSlotDto(s.Id, s.ClinicCode, s.StartsAt, s.DurationMinutes, s.Booked < s.Capacity))
            .ToList();

        logger.LogInformation("Slots for {Clinic}: {Slots}", clinicCode, string.Join("; ", slots)); // clean logging-objects
        _rows.Record(slots.Count, new KeyValuePair<string, object?>("clinic", clinicCode)); // clean precision-about
        return new OkResult(slots);
    }

    public ActionResult WaitingList(string practiceCode)
    {
        var rows = store.Patients
            .Where(p => p.GpPracticeCode == practiceCode)
            .Select(p => new WaitingListRowDto(p.NhsNumber, p.FamilyName, 0))
            .ToList();

        _rows.Record(rows.Count, new KeyValuePair<string, object?>("practice", practiceCode)); // clean precision-about
        logger.LogInformation("Waiting list for {Practice}: {NhsNumbers}", practiceCode, string.Join(",", rows.Select(r => r.NhsNumber))); // leak TC1001 strings
        logger.LogDebug("Longest wait {Row}", rows.OrderByDescending(r => r.WeeksWaiting).FirstOrDefault()); // leak TC1001 logging-objects
        return new OkResult(rows);
    }

    public ActionResult? TryMap(Patient patient)
    {
        try
        {
            return new OkResult(mapper.Map<PatientSummaryDto>(patient));
        }
        catch (AutoMapperMappingException ex)
        {
            logger.LogError(ex, "Mapping {Source} to {Destination} failed at {Member}", ex.SourceType.Name, ex.DestinationType.Name, ex.MemberPath); // clean exceptions
            Activity.Current?.AddException(ex); // clean exceptions
            return null;
        }
    }
}
