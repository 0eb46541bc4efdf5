using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Energy;

public static class BillingTelemetry
{
    public static readonly ActivitySource Source = new("Supplier.Billing.Api");

    public static readonly Meter Meter = new("Supplier.Billing.Api");

    public static readonly BillingReadsCounter Reads = Meter.CreateBillingReadsCounter();

    public static readonly BillingPlansCounter Plans = Meter.CreateBillingPlansCounter();

    public static readonly Histogram<double> QueryDuration = Meter.CreateHistogram<double>("billing.query.duration", "s");
}

public sealed record SubmitMeterReadRequest(string AccountNumber, string MeterSerial, string RegisterId, decimal Reading, DateTimeOffset ReadAt, string Source);

public sealed record MeterReadAccepted(string ReadId, string RegisterId, decimal Reading, bool Estimated);

public sealed record MeterPoint(string AccountNumber, string MeterSerial, string Mpan, string Region, decimal LastReading);

public interface IMeterPointRepository
{
    Task<MeterPoint?> FindAsync(string accountNumber, string meterSerial, CancellationToken cancellationToken);

    Task<string> StoreReadAsync(MeterPoint point, SubmitMeterReadRequest read, CancellationToken cancellationToken);
}

public sealed class SubmitMeterReadValidator : AbstractValidator<SubmitMeterReadRequest>
{
    public SubmitMeterReadValidator()
    {
        RuleFor(r => r.AccountNumber).NotEmpty().Matches("^[0-9]{10}$");
        RuleFor(r => r.MeterSerial).Matches("^[0-9]{2}[A-Z][0-9]{7}$").WithMessage(r => $"Meter serial {r.MeterSerial} is not a valid MSN");
        RuleFor(r => r.Reading).InclusiveBetween(0m, 999_999m);
    }
}

[ApiController]
[Route("api/accounts/{accountNumber}/reads")]
public sealed class MeterReadsController(
    IValidator<SubmitMeterReadRequest> validator,
    IMeterPointRepository meterPoints,
    Pseudonymizer pseudonymizer,
    ILogger<MeterReadsController> logger) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Submit([FromRoute] string accountNumber, [FromBody] SubmitMeterReadRequest request, CancellationToken cancellationToken)
    {
        var source = request.Source switch
        {
            "smart" => BillingReadSource.Smart,
            "app" or "web" => BillingReadSource.Customer,
            _ => BillingReadSource.Estimate,
        };
        using var span = BillingTelemetry.Source.StartBillingReadSubmit(pseudonymizer.PseudonymizeBillingAccountId(accountNumber), source); // clean precision-pseudonym
        Activity.Current?.SetTag("meter.model", request.MeterSerial[..3]); // clean precision-about

        try
        {
            await validator.ValidateAndThrowAsync(request, cancellationToken);
        }
        catch (ValidationException ex)
        {
            logger.LogWarning(ex, "Meter read rejected by validation"); // leak TC1001 exceptions
            logger.LogBillingReadRejectedEvent(source, pseudonymizer.PseudonymizeBillingAccountId(accountNumber), billingNote: $"{ex.Errors.Count()} validation errors"); // clean generated-api
            return BadRequest(new ProblemDetails { Title = "Invalid meter read", Detail = ex.Message });
        }

        var point = await meterPoints.FindAsync(accountNumber, request.MeterSerial, cancellationToken);
        if (point is null)
        {
            Activity.Current?.SetTag("meter.serial", request.MeterSerial); // leak TC1001 direct
            logger.LogBillingReadRejectedEvent(source, billingNote: $"meter {request.MeterSerial} not on account"); // leak TC1001 generated-api
            return NotFound();
        }

        span.SetBillingRegion(point.Region);
        if (request.Reading < point.LastReading)
        {
            logger.LogWarning("Read of {Reading} on register {RegisterId} is below the last read ({LastReading})", request.Reading, request.RegisterId, point.LastReading); // clean precision-about
            logger.LogBillingReadRejectedEvent(source, pseudonymizer.PseudonymizeBillingAccountId(accountNumber), billingNote: "reading went backwards"); // clean generated-api
            return Conflict();
        }

        logger.LogDebug("Idempotency key {Key}", $"read:{request.MeterSerial}:{request.RegisterId}:{request.ReadAt:yyyyMMddHHmm}"); // leak TC1001 strings
        logger.LogDebug("Settlement batch {Batch}", $"{point.Region}-{request.ReadAt:yyyyMMdd}"); // clean strings
        var readId = await meterPoints.StoreReadAsync(point, request, cancellationToken);
        BillingTelemetry.Reads.Add(1, source, point.Region); // clean generated-api
        logger.LogInformation("Stored read {ReadId} for supply point in distributor area {Distributor}", readId, point.Mpan[..2]); // clean precision-about
        logger.LogDebug("Read stored for {MeterPoint}", point); // leak TC1001 logging-objects
        return CreatedAtAction("Get", new { accountNumber, readId }, new MeterReadAccepted(readId, request.RegisterId, request.Reading, source == BillingReadSource.Estimate));
    }
}
