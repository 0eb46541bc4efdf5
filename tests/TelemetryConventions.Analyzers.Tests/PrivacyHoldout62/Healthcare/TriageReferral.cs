using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Healthcare;

public sealed record TriageReferralCommand(string ReferralId, string Outcome, string? RedirectTo, string? AdviceToGp) : IRequest<Result<TriageDecision>>;

public sealed record TriageDecision(string ReferralId, string Outcome, string Specialty, string Patient, DateTimeOffset DecidedAt);

public sealed class TriageReferralValidator : AbstractValidator<TriageReferralCommand>
{
    public TriageReferralValidator()
    {
        RuleFor(c => c.ReferralId).NotEmpty().Matches("^[0-9]{12}$");
        RuleFor(c => c.Outcome).Must(o => o is "accepted" or "returned" or "redirected");
        RuleFor(c => c.AdviceToGp).MaximumLength(2000);
    }
}

/// <summary>The signed-in consultant, read from the access token's claims.</summary>
public interface ICurrentClinician
{
    string StaffNumber { get; }

    string Role { get; }
}

public sealed class HttpCurrentClinician(IHttpContextAccessor accessor) : ICurrentClinician
{
    public string StaffNumber => accessor.HttpContext?.User.FindFirst("staff_number")?.Value ?? "unknown";

    public string Role => accessor.HttpContext?.User.FindFirst("role")?.Value ?? "unknown";
}

public interface IBookingService
{
    Task<int> OfferSlotsAsync(Referral referral, CancellationToken cancellationToken);
}

/// <summary>Thrown by <see cref="IBookingService.OfferSlotsAsync"/>: no clinic of the specialty has a free slot in the booking horizon.</summary>
public sealed class BookingUnavailableException(string specialty, int weeks)
    : Exception($"No {specialty} slots in the next {weeks} weeks");

/// <summary>Thrown by <see cref="IBookingService.OfferSlotsAsync"/>: it could not write to the patient, no mobile or email on the record.</summary>
public sealed class PatientContactMissingException(string familyName, string nhsNumber)
    : Exception($"No contact details on record for {familyName} ({nhsNumber})");

/// <summary>Thrown when a referral id is unknown; handled by <see cref="ReferralExceptionHandler"/>.</summary>
public sealed class ReferralNotFoundException(string referralId)
    : Exception($"Referral {referralId} was not found");

public static class TriageMapping
{
    public static TriageDecision ToDecision(Referral referral, TriageReferralCommand command) =>
        new(referral.Id, command.Outcome, command.RedirectTo ?? referral.Specialty, $"{referral.GivenName[0]}. {referral.FamilyName}", DateTimeOffset.UtcNow);
}

public sealed class TriageReferralHandler(
    IValidator<TriageReferralCommand> validator,
    IReferralRepository referrals,
    IBookingService booking,
    ICurrentClinician clinician,
    Pseudonymizer pseudonymizer,
    ILogger<TriageReferralHandler> logger) : IRequestHandler<TriageReferralCommand, Result<TriageDecision>>
{
    public async Task<Result<TriageDecision>> Handle(TriageReferralCommand command, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(command, cancellationToken);
        var referral = await referrals.GetAsync(command.ReferralId, cancellationToken) ?? throw new ReferralNotFoundException(command.ReferralId);

        using var span = ReferralsTelemetry.Source.StartReferralsReferralTriage(referral.Id, referral.Specialty); // clean generated-api
        span.SetReferralsPatientId(pseudonymizer.PseudonymizeReferralsPatientId(referral.NhsNumber)); // clean precision-pseudonym
        logger.LogInformation("Referral {ReferralId} triaged by consultant {StaffNumber}", referral.Id, clinician.StaffNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("triage.clinician_role", clinician.Role); // clean cross-member

        var outcome = command.Outcome switch
        {
            "accepted" => ReferralsTriageOutcome.Accepted,
            "returned" => ReferralsTriageOutcome.Returned,
            _ => ReferralsTriageOutcome.Redirected,
        };
        span.SetReferralsTriageOutcome(outcome);

        if (command.RedirectTo is { } redirectTo)
        {
            span.SetReferralsNote($"redirected from {referral.Specialty} to {redirectTo}"); // clean generated-api
            referral.Specialty = redirectTo;
        }

        if (!string.IsNullOrWhiteSpace(command.AdviceToGp))
        {
            span.SetReferralsNote(command.AdviceToGp); // leak TC1001 generated-api
        }

        if (outcome == ReferralsTriageOutcome.Accepted)
        {
            try
            {
                var offered = await booking.OfferSlotsAsync(referral, cancellationToken);
                logger.LogInformation("Offered {SlotCount} slots for referral {ReferralId}", offered, referral.Id);
            }
            catch (BookingUnavailableException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
            }
            catch (PatientContactMissingException ex)
            {
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                logger.LogError(ex, "Could not offer slots for referral {ReferralId}", referral.Id); // leak TC1001 exceptions
            }
        }

        ReferralsTelemetry.Triaged.Add(1, new KeyValuePair<string, object?>("specialty", referral.Specialty), new KeyValuePair<string, object?>("outcome", command.Outcome)); // clean direct
        var waited = (DateTimeOffset.UtcNow - referral.ReceivedAt).TotalDays;
        ReferralsTelemetry.WaitingDays.Record(waited, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeReferralsPatientId(referral.NhsNumber))); // leak TC1003 precision-pseudonym

        var decision = TriageMapping.ToDecision(referral, command);
        logger.LogInformation("Triage decision {Decision}", decision); // leak TC1001 logging-objects
        return Result<TriageDecision>.Success(decision);
    }
}
