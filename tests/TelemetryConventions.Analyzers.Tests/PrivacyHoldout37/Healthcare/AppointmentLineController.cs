using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.Telephony;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Healthcare;

public sealed record PatientContact(string HospitalNumber, string NhsNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, string MobileNumber, string PracticeCode);

public sealed record ClinicAppointment(Guid Id, string Clinic, DateTimeOffset StartsAt, string SlotType);

public interface IPatientDirectory
{
    Task<PatientContact?> FindByPhoneAsync(string phoneNumber, CancellationToken cancellationToken);

    Task<PatientContact?> FindByHospitalNumberAsync(string hospitalNumber, CancellationToken cancellationToken);
}

public interface IAppointmentBook
{
    Task<IReadOnlyList<ClinicAppointment>> UpcomingAsync(string hospitalNumber, CancellationToken cancellationToken);
}

/// <summary>The hospital's appointments line: caller ID lookup, date-of-birth check, then the menu.</summary>
[ApiController]
[Route("voice/appointments")]
public sealed class AppointmentLineController(
    IPatientDirectory patients,
    IAppointmentBook appointments,
    Pseudonymizer pseudonymizer,
    ILogger<AppointmentLineController> logger) : ControllerBase
{
    private static readonly string[] WithheldCallers = ["anonymous", "+266696687", "+7378742833"];

    [HttpPost("incoming")]
    public async Task<ActionResult> Incoming([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("call.sid", form.CallSid); // clean direct
        activity?.SetTag("call.from", form.From); // leak TC1001 direct
        activity?.SetTag("call.line", form.To); // clean precision-names
        logger.LogInformation("Call {CallSid} to the appointments line from {Caller} ({Status})", form.CallSid, form.Caller, form.CallStatus); // leak TC1001 direct

        var withheld = WithheldCallers.Contains(form.From, StringComparer.OrdinalIgnoreCase);
        activity?.SetTag("caller.withheld", withheld); // clean precision-about
        var patient = withheld ? null : await patients.FindByPhoneAsync(form.From, cancellationToken);
        activity?.SetTag("caller.matched", patient is not null); // clean precision-about

        var response = new VoiceResponse();
        if (patient is null)
        {
            response.Gather("/voice/appointments/identify", input: "dtmf speech", numDigits: 8,
                prompt: "Welcome to Riverside Hospitals appointments. Please say or key in your eight digit hospital number.");
        }
        else
        {
            activity?.EnrichCallHandle(form.CallSid).SetCallCallerId(pseudonymizer.PseudonymizeCallCallerId(patient.HospitalNumber)); // clean precision-pseudonym
            response.Gather("/voice/appointments/verify", numDigits: 8,
                prompt: $"Hello {patient.GivenName}. To confirm it is you, please key in your date of birth as day, month and year.");
        }

        var twiml = response.ToString();
        logger.LogDebug("Answering {CallSid} with {Twiml}", form.CallSid, twiml); // leak TC1001 strings
        return Ok(twiml);
    }

    [HttpPost("verify")]
    public async Task<ActionResult> Verify([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("ivr.digits.count", form.Digits?.Length ?? 0); // clean precision-about

        var patient = await patients.FindByPhoneAsync(form.From, cancellationToken);
        var expected = patient?.DateOfBirth.ToString("ddMMyyyy", CultureInfo.InvariantCulture);
        var verified = expected is not null && string.Equals(expected, form.Digits, StringComparison.Ordinal);
        activity?.SetTag("ivr.verified", verified); // clean precision-about
        if (!verified)
        {
            logger.LogWarning("Date of birth check failed on {CallSid}: keyed {Entered}", form.CallSid, form.Digits); // leak TC1001 direct
            return Ok(new VoiceResponse().Say("Sorry, we could not confirm your details. Please hold for the team.").Redirect("/voice/appointments/queue").ToString());
        }

        var upcoming = await appointments.UpcomingAsync(patient!.HospitalNumber, cancellationToken);
        var response = new VoiceResponse();
        if (upcoming.Count > 0)
        {
            var next = upcoming[0];
            response.Say($"Your next appointment is in the {next.Clinic} clinic on {next.StartsAt:dddd d MMMM 'at' h:mm tt}.");
        }
        response.Gather("/voice/appointments/menu", numDigits: 1,
            prompt: "To cancel it, press 1. To rebook, press 2. For prescriptions, press 3. To speak to the team, press 0.");

        var twiml = response.ToString();
        logger.LogDebug("Menu for {CallSid}: {Twiml}", form.CallSid, twiml); // clean strings
        activity?.SetTag("patient.upcoming.count", upcoming.Count);
        return Ok(twiml);
    }

    [HttpPost("menu")]
    public ActionResult Menu([FromBody] VoiceWebhookForm form)
    {
        Activity.Current?.SetTag("ivr.menu.choice", form.Digits); // clean direct
        logger.LogInformation("Menu choice {Choice} on {CallSid}", form.Digits, form.CallSid); // clean direct
        var next = form.Digits switch
        {
            "1" => "/voice/appointments/cancel",
            "2" => "/voice/appointments/rebook",
            "3" => "/voice/prescriptions",
            _ => "/voice/appointments/queue",
        };
        return Ok(new VoiceResponse().Redirect(next).ToString());
    }

    [HttpPost("identify")]
    public async Task<ActionResult> Identify([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("ivr.input.mode", form.Digits is null ? "speech" : "dtmf"); // clean precision-about
        activity?.SetTag("ivr.speech.confidence", form.Confidence);

        var hospitalNumber = form.Digits ?? new string((form.SpeechResult ?? string.Empty).Where(char.IsDigit).ToArray());
        var patient = await patients.FindByHospitalNumberAsync(hospitalNumber, cancellationToken);
        if (patient is null)
        {
            logger.LogInformation("No patient for hospital number {HospitalNumber} on {CallSid}", hospitalNumber, form.CallSid); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("ivr.identify.failed", tags: new ActivityTagsCollection { ["ivr.heard"] = form.SpeechResult })); // leak TC1001 direct
            return Ok(new VoiceResponse().Redirect("/voice/appointments/queue").ToString());
        }

        activity?.AddEvent(new ActivityEvent("ivr.identify.succeeded", tags: new ActivityTagsCollection { ["patient.practice"] = patient.PracticeCode })); // clean precision-about
        return Ok(new VoiceResponse().Redirect("/voice/appointments/menu").ToString());
    }
}
