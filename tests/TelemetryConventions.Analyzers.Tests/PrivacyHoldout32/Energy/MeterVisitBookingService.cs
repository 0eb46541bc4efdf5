using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Energy;

public sealed record VisitBookingRequest(string AccountNumber, string Mpan, string MeterSerial, string Postcode, string ContactPhone, DateOnly Day, string Band, string JobType);

public sealed record VisitSlot(string Patch, DateOnly Day, string Band, int Capacity, int Booked);

public sealed record EngineerVisit(Guid VisitId, string AccountNumber, string Mpan, string MeterSerial, string Patch, DateOnly Day, string Band, string JobType, string? EngineerStaffNumber);

public interface IVisitStore
{
    Task<VisitSlot> SlotAsync(string patch, DateOnly day, string band, CancellationToken cancellationToken);

    Task<EngineerVisit> CreateAsync(VisitBookingRequest request, string patch, CancellationToken cancellationToken);
}

/// <summary>
/// Books smart-meter installation and exchange visits in AM and PM bands per patch (the postcode's
/// outward code). Each band is overbooked by a tenth: about that share of visits end in no access.
/// </summary>
public sealed class MeterVisitBookingService(IVisitStore store, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<MeterVisitBookingService> logger)
{
    private static readonly ActivitySource Source = new("Energy.FieldVisits");

    public async Task<EngineerVisit?> BookAsync(VisitBookingRequest request, CancellationToken cancellationToken)
    {
        var patch = OutwardCode(request.Postcode);
        using var span = Source.StartBookingReserve(patch, spanName: "visit.book");
        span.SetBookingSubjectId(pseudonymizer.PseudonymizeBookingSubjectId(request.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("visit.mpan", request.Mpan); // leak TC1001 direct
        Activity.Current?.SetTag("visit.distributor", request.Mpan[..2]); // clean precision-about
        Activity.Current?.SetTag("visit.meter_model", request.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("visit.job_type", request.JobType); // clean precision-about

        var slot = await store.SlotAsync(patch, request.Day, request.Band, cancellationToken);
        var allowance = (int)Math.Ceiling(slot.Capacity * 0.1);
        if (slot.Booked >= slot.Capacity + allowance)
        {
            span.SetBookingOutcome("full");
            logger.LogInformation("{Band} on {Day} is full in {Patch}; customer at {Postcode} offered the next day", request.Band, request.Day, patch, request.Postcode); // leak TC1001 direct
            meter.CreateBookingConfirmationsCounter().Add(1, bookingSite: patch, bookingOutcome: "full"); // clean precision-about
            return null;
        }

        var visit = await store.CreateAsync(request, patch, cancellationToken);
        span.SetBookingOutcome(slot.Booked >= slot.Capacity ? "overbooked" : "booked").SetBookingSlotCount(slot.Booked + 1);
        meter.CreateBookingLeadTimeHistogram().Record((request.Day.ToDateTime(TimeOnly.MinValue) - DateTime.UtcNow).TotalDays, bookingChannel: "web", bookingSite: patch); // clean precision-about
        logger.LogInformation("Visit {VisitId} booked from {@Request}", visit.VisitId, request); // leak TC1001 logging-objects
        Activity.Current?.SetTag("visit.workforce_key", Convert.ToBase64String(Encoding.UTF8.GetBytes(request.Mpan))); // leak TC1001 hashes
        Activity.Current?.SetTag("visit.cohort", Cohort(request.AccountNumber)); // clean hashes
        Activity.Current?.SetTag("visit.serial_bucket", BitConverter.ToUInt16(SHA1.HashData(Encoding.UTF8.GetBytes(request.MeterSerial))) % 64); // leak TC1002 hashes
        return visit;
    }

    private int Cohort(string accountNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(accountNumber))[0] % 4;
    }

    private static string OutwardCode(string postcode) => postcode.Trim().Split(' ')[0].ToUpper(CultureInfo.InvariantCulture);
}
