using System.Text.Json;
using AutoMapper;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Healthcare;

public sealed record ReferralDto(Guid ReferralId, NhsNumber NhsNumber, PatientNumber PatientNumber, string ReferringPractice, string Specialty, string Priority);

public sealed class ReferralViewModel
{
    public string Reference { get; set; } = "";

    public string Mrn { get; set; } = "";

    public string NhsDisplay { get; set; } = "";

    public string Specialty { get; set; } = "";

    public string Priority { get; set; } = "";

    public override string ToString() => $"{Reference} ({Specialty}, {Priority})";
}

public sealed record ReferralAccepted(Guid ReferralId, string Specialty, string PatientNumber, string NhsNumber);

public sealed record ReferralAudit
{
    public Guid ReferralId { get; init; }

    public string Specialty { get; init; } = "";

    public string? NhsNumber { get; init; }

    public string? PatientNumber { get; init; }
}

public sealed class ReferralRouted
{
    public Guid ReferralId { get; set; }

    public string Specialty { get; set; } = "";

    public string Priority { get; set; } = "";

    public string PatientNumber { get; set; } = "";
}

public static class ReferralMapper
{
    public static ReferralViewModel ToViewModel(ReferralDto dto) => new()
    {
        Reference = dto.ReferralId.ToString("N")[..8],
        Mrn = dto.PatientNumber.Value,
        NhsDisplay = dto.NhsNumber.ToString(),
        Specialty = dto.Specialty,
        Priority = dto.Priority,
    };

    public static ReferralAccepted ToEvent(ReferralDto dto) =>
        new(dto.ReferralId, dto.Specialty, dto.PatientNumber.Value, dto.NhsNumber.Value);
}

public sealed class ReferralProfile : Profile
{
    public ReferralProfile()
    {
        // The audit copy must not hold either number.
        CreateMap<ReferralDto, ReferralAudit>()
            .ForMember(d => d.NhsNumber, o => o.Ignore())
            .ForMember(d => d.PatientNumber, o => o.Ignore());
        CreateMap<ReferralDto, ReferralRouted>();
    }
}

public sealed partial class ReferralIntake(ILogger<ReferralIntake> logger, IMapper mapper, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {Referral} triaged")]
    private static partial void ReferralTriaged(ILogger logger, ReferralDto referral);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {Referral} booked")]
    private static partial void ReferralBooked(ILogger logger, [PrivateData] ReferralDto referral);

    public ReferralViewModel Receive(ReferralDto dto)
    {
        using var span = source.StartModelOperation("map", nameof(ReferralDto));
        var vm = ReferralMapper.ToViewModel(dto);
        span.SetModelId(vm.Reference); // clean cross-member
        span.Activity?.SetTag("referral.mrn", vm.Mrn); // leak TC1001 cross-member
        span.Activity?.SetTag("referral.nhs", vm.NhsDisplay); // clean precision-about
        span.Activity?.SetTag("referral.practice", dto.ReferringPractice); // clean direct
        logger.LogInformation("Rendering {ViewModel}", vm); // clean logging-objects

        var accepted = ReferralMapper.ToEvent(dto);
        span.AddModelChangedEvent(nameof(ReferralAccepted), modelSubjectId: pseudonymizer.PseudonymizeModelSubjectId(accepted.PatientNumber)); // clean precision-pseudonym

        var audit = mapper.Map<ReferralAudit>(dto);
        logger.LogInformation("Referral audit {Audit}", audit); // clean logging-objects
        var routed = mapper.Map<ReferralRouted>(dto);
        logger.LogInformation("Routed {Routed}", routed); // clean logging-objects
        logger.LogInformation("Routed {@Routed}", routed); // leak TC1001 logging-objects
        span.Activity?.SetTag("referral.routed.to", routed.Specialty); // clean cross-member

        logger.LogInformation("Referral {Summary}", new { dto.ReferralId, dto.Specialty, dto.Priority }); // clean logging-objects
        logger.LogInformation("Referral {Summary}", new { dto.ReferralId, dto.PatientNumber, dto.Specialty }); // leak TC1001 logging-objects
        ReferralTriaged(logger, dto); // leak TC1001 logging-objects
        ReferralBooked(logger, dto); // clean logging-objects

        meter.CreateModelPublishedCounter().Add(1, modelType: nameof(ReferralAccepted), modelOutcome: dto.Priority); // clean precision-names
        meter.CreateModelPayloadSizeHistogram().Record(JsonSerializer.SerializeToUtf8Bytes(accepted).Length, modelType: nameof(ReferralAccepted), modelOperation: "publish"); // clean precision-about
        return vm;
    }
}
