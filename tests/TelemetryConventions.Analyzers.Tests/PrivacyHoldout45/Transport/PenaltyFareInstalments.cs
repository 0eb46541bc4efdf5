using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support;
using PrivacyHoldout45.Support.DirectDebit;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Transport;

// Unpaid penalty fares: a passenger who cannot pay a penalty fare within 21 days can ask to pay it
// in monthly instalments by direct debit. Missed instalments go back to the notices team and, in the
// end, to the debt recovery agency.

public sealed record PenaltyFareNotice(string NoticeNumber, string PassengerName, string PassengerAddress, string Postcode, string Station, decimal Amount, DateOnly IssuedOn);

public sealed record InstalmentArrangementRequest(string NoticeNumber, int Months, BankDetails Bank, string Email, string? HardshipStatement);

public interface IPenaltyFareNotices
{
    Task<PenaltyFareNotice?> FindAsync(string noticeNumber, CancellationToken cancellationToken);
}

public sealed class ArrangementNotAllowedException(string noticeNumber, string reasonCode)
    : Exception($"Notice {noticeNumber} cannot be paid by instalments ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

[ApiController]
[Route("penalty-fares/arrangements")]
public sealed class PenaltyFareArrangementsController(
    IPenaltyFareNotices notices,
    IDirectDebitClient directDebits,
    IClock clock,
    Meter meter,
    ILogger<PenaltyFareArrangementsController> logger) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult> Create([FromBody] InstalmentArrangementRequest request, CancellationToken cancellationToken)
    {
        var notice = await notices.FindAsync(request.NoticeNumber, cancellationToken);
        if (notice is null)
        {
            return NotFound("notice");
        }

        var activity = Activity.Current;
        activity?.SetTag("penalty.notice.number", notice.NoticeNumber); // clean precision-about
        activity?.SetTag("penalty.station", notice.Station); // clean precision-about
        activity?.SetTag("penalty.notice.sample", (notice.NoticeNumber.GetHashCode() & 0x7fffffff) % 10 == 0); // clean hashes
        activity?.SetTag("penalty.passenger.district", notice.Postcode.Split(' ')[0]); // clean precision-about

        if (request.HardshipStatement is { Length: > 0 } statement)
        {
            logger.LogInformation("Hardship statement for {NoticeNumber}: {Statement}", notice.NoticeNumber, statement); // leak TC1001 direct
            logger.LogInformation("Hardship statement given for {NoticeNumber} ({Length} characters)", notice.NoticeNumber, statement.Length); // clean precision-about
        }

        try
        {
            EnsureWithinRecoveryWindow(notice);
        }
        catch (ArrangementNotAllowedException ex)
        {
            logger.LogWarning(ex, "Arrangement refused"); // clean exceptions
            return BadRequest(ex.ReasonCode);
        }

        var mandate = await directDebits.CreateMandateAsync(new MandateRequest(request.Bank, $"PF{notice.NoticeNumber}", request.Email), cancellationToken);
        activity?.SetTag("directdebit.mandate.reference", mandate.Reference); // clean precision-about
        logger.LogInformation("Arrangement over {Months} months for {PassengerName} of {Address}", request.Months, notice.PassengerName, notice.PassengerAddress); // leak TC1001 direct
        meter.CreateLendingDecisionsCounter().Add(1, lendingProduct: "penalty-fare-instalments", lendingDecision: LendingDecision.Approve); // clean generated-api
        return Ok(new { mandate.Id, request.Months });
    }

    private void EnsureWithinRecoveryWindow(PenaltyFareNotice notice)
    {
        if (clock.Today.DayNumber - notice.IssuedOn.DayNumber > 60)
        {
            throw new ArrangementNotAllowedException(notice.NoticeNumber, "past-recovery-date");
        }
    }
}
