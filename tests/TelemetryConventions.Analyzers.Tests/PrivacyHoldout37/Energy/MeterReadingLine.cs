using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.Telephony;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Energy;

public sealed record SupplyAccount(string AccountNumber, string Mpan, string MeterSerial, string Tariff, bool PriorityServices, decimal LastReading);

public interface ISupplyAccounts
{
    Task<SupplyAccount?> FindAsync(string accountNumber, CancellationToken cancellationToken);

    Task SubmitReadingAsync(string accountNumber, decimal reading, string source, CancellationToken cancellationToken);
}

public sealed class ReadingOutOfRangeException(string meterSerial, decimal reading, decimal previous)
    : Exception($"Reading {reading} for meter {meterSerial} is below the previous reading {previous}.")
{
    public decimal Reading { get; } = reading;
}

public sealed class ReadingIvrState
{
    public required string AccountNumber { get; init; }

    public decimal? Reading { get; set; }
}

/// <summary>The self-service meter reading line: account number, then the reading, both keyed on the phone's keypad.</summary>
[ApiController]
[Route("voice/readings")]
public sealed class MeterReadingLine(
    ISupplyAccounts accounts,
    Pseudonymizer pseudonymizer,
    ILogger<MeterReadingLine> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Supplier.Telephony.Readings");
    private static readonly Counter<long> ReadingsTaken = Meter.CreateCounter<long>("ivr.readings.taken");
    private static readonly Dictionary<string, ReadingIvrState> Calls = new();

    [HttpPost("account")]
    public async Task<ActionResult> Account([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichCallHandle(form.CallSid).SetCallIvrNode("reading-account"); // clean generated-api
        var keyed = form.Digits ?? string.Empty;
        var account = await accounts.FindAsync(keyed, cancellationToken);
        if (account is null)
        {
            span.SetCallNote($"account {keyed} not found"); // leak TC1001 generated-api
            logger.LogWarning("Reading line: account {Account} not found for caller {Caller}", keyed, form.From); // leak TC1001 direct
            return Ok(new VoiceResponse().Say("Sorry, we could not find that account number.").Redirect("/voice/readings/start").ToString());
        }

        span.SetCallCallerId(pseudonymizer.PseudonymizeCallCallerId(account.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("supply.distributor", account.Mpan[..2]); // clean precision-about
        Activity.Current?.SetTag("supply.mpan", account.Mpan); // leak TC1001 direct
        Activity.Current?.SetTag("supply.meter.model", account.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("supply.tariff", account.Tariff);
        Calls[form.CallSid] = new ReadingIvrState { AccountNumber = account.AccountNumber };

        var response = new VoiceResponse().Gather("/voice/readings/reading", numDigits: 6,
            prompt: $"Thank you. Please key in the reading on meter ending {account.MeterSerial[^3..]}, ignoring any red numbers.");
        return Ok(response.ToString());
    }

    [HttpPost("reading")]
    public async Task<ActionResult> Reading([FromBody] VoiceWebhookForm form, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        if (!Calls.TryGetValue(form.CallSid, out var state) || !decimal.TryParse(form.Digits, NumberStyles.None, CultureInfo.InvariantCulture, out var reading))
        {
            activity?.SetTag("reading.parse.failed", true);
            return Ok(new VoiceResponse().Redirect("/voice/readings/start").ToString());
        }

        activity?.SetTag("reading.value", reading); // clean precision-about
        var account = (await accounts.FindAsync(state.AccountNumber, cancellationToken))!;
        try
        {
            if (reading < account.LastReading)
            {
                throw new ReadingOutOfRangeException(account.MeterSerial, reading, account.LastReading);
            }
            await accounts.SubmitReadingAsync(account.AccountNumber, reading, "ivr", cancellationToken);
            ReadingsTaken.Add(1, new KeyValuePair<string, object?>("reading.source", "ivr"), new KeyValuePair<string, object?>("supply.tariff", account.Tariff));
        }
        catch (ReadingOutOfRangeException ex)
        {
            logger.LogWarning(ex, "Reading rejected on call {CallSid}", form.CallSid); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            activity?.SetTag("reading.rejected.delta", ex.Reading - account.LastReading);
            return Ok(new VoiceResponse().Say("That reading is lower than your last one. Please hold for an adviser.").Redirect("/voice/queue/billing").ToString());
        }

        logger.LogInformation("Reading {Reading} taken for account {Account} on {CallSid}", reading, state.AccountNumber, form.CallSid); // leak TC1001 direct
        Calls.Remove(form.CallSid);
        return Ok(new VoiceResponse().Say("Thank you, your reading has been saved.").Hangup().ToString());
    }
}
