using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyCorpus.Shared;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Healthcare;

public static class ReferralsTelemetry
{
    public static readonly ActivitySource Source = new("Trust.Referrals.Api");

    public static readonly Meter Meter = new("Trust.Referrals.Api");

    public static readonly ReferralsReceivedCounter Received = Meter.CreateReferralsReceivedCounter();

    public static readonly ReferralsSearchDurationHistogram SearchDuration = Meter.CreateReferralsSearchDurationHistogram();

    public static readonly Counter<long> Triaged = Meter.CreateCounter<long>("referrals.triaged", "{referral}");

    public static readonly Histogram<double> WaitingDays = Meter.CreateHistogram<double>("referrals.waiting", "d");

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("referrals.request.duration", "s");
}

public sealed class ReferralIntakeOptions
{
    public bool TagContactOnSpans { get; set; }

    public int SlowRequestMilliseconds { get; set; } = 750;
}

public sealed record CreateReferralCommand(
    string NhsNumber,
    string FamilyName,
    string GivenName,
    DateOnly DateOfBirth,
    string? ContactEmail,
    string Specialty,
    string PracticeCode,
    string Priority,
    string ClinicalSummary) : IRequest<Result<ReferralCreated>>;

public sealed record ReferralCreated(string ReferralId, string Specialty, string Priority, DateTimeOffset ReceivedAt);

public sealed class Referral
{
    public required string Id { get; init; }

    public required string NhsNumber { get; init; }

    public required string FamilyName { get; init; }

    public required string GivenName { get; init; }

    public required string Specialty { get; set; }

    public required string Priority { get; init; }

    public required string PracticeCode { get; init; }

    public string Status { get; set; } = "received";

    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    public byte[] RowVersion { get; set; } = Array.Empty<byte>();

    public static Referral Create(CreateReferralCommand command, string registeredPractice) => new()
    {
        Id = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(),
        NhsNumber = command.NhsNumber,
        FamilyName = command.FamilyName,
        GivenName = command.GivenName,
        Specialty = command.Specialty,
        Priority = command.Priority,
        PracticeCode = registeredPractice,
    };
}

public interface IReferralRepository
{
    Task<Referral?> GetAsync(string referralId, CancellationToken cancellationToken);

    Task<bool> HasOpenReferralAsync(string nhsNumber, string specialty, CancellationToken cancellationToken);

    Task AddAsync(Referral referral, CancellationToken cancellationToken);
}

public sealed record PdsPatient(string NhsNumber, string FamilyName, string GpPracticeCode, bool Restricted);

public interface IPatientIndex
{
    Task<PdsPatient?> LookupAsync(string nhsNumber, CancellationToken cancellationToken);
}

public interface ISpecialtyDirectory
{
    bool Accepts(string specialty);
}

public static class NhsNumbers
{
    public static bool IsValid(string value) => value.Length == 10 && value.All(char.IsAsciiDigit);
}

/// <summary>Thrown when the patient already has an open referral to the specialty; handled by <see cref="ReferralExceptionHandler"/>.</summary>
public sealed class DuplicateReferralException(string nhsNumber, string specialty)
    : Exception($"Patient {nhsNumber} already has an open {specialty} referral");

public sealed class CreateReferralValidator : AbstractValidator<CreateReferralCommand>
{
    public CreateReferralValidator(ISpecialtyDirectory specialties)
    {
        RuleFor(c => c.NhsNumber).Must(NhsNumbers.IsValid).WithMessage(c => $"'{c.NhsNumber}' is not a valid NHS number").WithErrorCode("nhs_number.invalid");
        RuleFor(c => c.FamilyName).NotEmpty();
        RuleFor(c => c.ContactEmail).EmailAddress();
        RuleFor(c => c.Specialty).Must(specialties.Accepts).WithMessage("The specialty does not accept referrals");
        RuleFor(c => c.ClinicalSummary).NotEmpty();
    }
}

public sealed partial class CreateReferralHandler(
    IValidator<CreateReferralCommand> validator,
    IReferralRepository referrals,
    IPatientIndex patientIndex,
    Pseudonymizer pseudonymizer,
    IOptions<ReferralIntakeOptions> options,
    ILogger<CreateReferralHandler> logger) : IRequestHandler<CreateReferralCommand, Result<ReferralCreated>>
{
    public async Task<Result<ReferralCreated>> Handle(CreateReferralCommand command, CancellationToken cancellationToken)
    {
        var patient = pseudonymizer.PseudonymizeReferralsPatientId(command.NhsNumber);
        using var span = ReferralsTelemetry.Source.StartReferralsReferralCreate(patient, command.Specialty); // clean precision-pseudonym
        span.SetReferralsPracticeCode(command.PracticeCode);

        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            logger.LogWarning("Referral for NHS number {NhsNumber} failed validation with {ErrorCount} errors", command.NhsNumber, validation.Errors.Count); // leak TC1001 direct
            foreach (var failure in validation.Errors)
            {
                logger.LogDebug("{Property} failed rule {ErrorCode}", failure.PropertyName, failure.ErrorCode); // clean precision-names
                logger.LogDebug("Validation message: {ErrorMessage}", failure.ErrorMessage); // leak TC1001 cross-member
            }
            logger.LogReferralsReferralRejectedEvent(command.Specialty, command.PracticeCode, patient, referralsNote: $"{validation.Errors.Count} validation errors"); // clean generated-api
            return Result<ReferralCreated>.Invalid(validation.Errors.Select(e => new Error(e.PropertyName, e.ErrorMessage)).ToList());
        }

        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{command.NhsNumber}|{command.Specialty}")))[..16];
        Activity.Current?.SetTag("referral.fingerprint", fingerprint); // leak TC1002 hashes
        if (await referrals.HasOpenReferralAsync(command.NhsNumber, command.Specialty, cancellationToken))
        {
            throw new DuplicateReferralException(command.NhsNumber, command.Specialty);
        }

        var traced = await patientIndex.LookupAsync(command.NhsNumber, cancellationToken);
        if (traced is null)
        {
            LogTraceFailed(logger, command.NhsNumber, command.PracticeCode); // clean direct
            logger.LogReferralsReferralRejectedEvent(command.Specialty, command.PracticeCode, patient, referralsNote: $"No PDS match for {command.FamilyName}, born {command.DateOfBirth:yyyy-MM-dd}"); // leak TC1001 generated-api
            return Result<ReferralCreated>.Failure(new Error("patient.untraced", "The patient could not be traced on PDS."));
        }

        if (options.Value.TagContactOnSpans && command.ContactEmail is not null)
        {
            span.Activity?.SetTag(ReferralsAttributes.PatientContact, command.ContactEmail); // leak TC1001 generated-api
        }

        var referral = Referral.Create(command, traced.GpPracticeCode);
        await referrals.AddAsync(referral, cancellationToken);

        var priority = ToPriority(command.Priority);
        span.SetReferralsReferralId(referral.Id).SetReferralsPriority(priority);
        ReferralsTelemetry.Received.Add(1, command.Specialty, priority, traced.GpPracticeCode); // clean generated-api
        logger.LogInformation("Referral {ReferralId} created for {PatientRef}, age band {AgeBand}", referral.Id, pseudonymizer.ComputeReferralsPatientId(command.NhsNumber), AgeBand(command.DateOfBirth)); // clean precision-pseudonym
        Activity.Current?.SetTag("referral.restricted_record", traced.Restricted); // clean precision-about

        var created = referral.Adapt<ReferralCreated>();
        logger.LogInformation("Referral stored {@Referral}", created); // clean logging-objects
        return Result<ReferralCreated>.Success(created);
    }

    private static ReferralsPriorityValue ToPriority(string priority) => priority switch
    {
        "urgent" => ReferralsPriority.Urgent,
        "routine" => ReferralsPriority.Routine,
        _ => ReferralsPriorityValue.Custom(priority),
    };

    private static string AgeBand(DateOnly dateOfBirth)
    {
        var age = DateTime.UtcNow.Year - dateOfBirth.Year;
        return age switch { < 18 => "0-17", < 65 => "18-64", _ => "65+" };
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "PDS trace failed for {NhsNumber} referred by {PracticeCode}")]
    private static partial void LogTraceFailed(ILogger logger, [PrivateData] string nhsNumber, string practiceCode);
}
