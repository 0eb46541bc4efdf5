using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Education;

/// <summary>A student house left at the end of term with furniture for the council's bulky collection.</summary>
public sealed record HouseClearout(string HouseId, string LeadTenantStudentNumber, string LeadTenantEmail, string AddressLine, int Items, string Campus);

public sealed class HallsClearoutWorker(
    IQueueReceiver<HouseClearout> queue,
    IWasteBookingStore bookings,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<HallsClearoutWorker> logger) : BackgroundService
{
    private readonly Counter<long> _items = meter.CreateCounter<long>("clearout.items");
    private HouseClearout? _lastFailed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } clearout)
        {
            using var span = source.StartHallsexemptOperation(clearout.Campus);
            span.SetHallsexemptItems(clearout.Items); // clean generated-api
            span.SetHallsexemptResidentId(pseudonymizer.PseudonymizeHallsexemptResidentId(clearout.LeadTenantStudentNumber)); // clean generated-api
            Activity.Current?.SetTag("clearout.house.id", clearout.HouseId); // clean precision-names
            Activity.Current?.SetTag("clearout.lead_tenant.email", clearout.LeadTenantEmail); // leak TC1001 direct
            Activity.Current?.SetTag("clearout.lead_tenant.email_domain", clearout.LeadTenantEmail[(clearout.LeadTenantEmail.IndexOf('@') + 1)..]); // clean precision-about
            _items.Add(clearout.Items, new KeyValuePair<string, object?>("campus", clearout.Campus)); // clean precision-names
            _items.Add(clearout.Items, new KeyValuePair<string, object?>("house", clearout.AddressLine)); // leak TC1003 direct

            try
            {
                var slot = await bookings.NextSlotAsync(clearout.AddressLine, stoppingToken) ?? throw new SlotNotFoundException("next");
                logger.LogInformation("Clearout for house {House} on slot {Slot}", clearout.HouseId, slot.SlotId); // clean precision-names
                logger.LogInformation("Clearout {Clearout}", clearout); // leak TC1001 logging-objects
                var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(clearout.LeadTenantStudentNumber))[0] % 8;
                logger.LogInformation("Clearout shard {Shard}", shard); // clean hashes
                var bucket = clearout.LeadTenantStudentNumber.GetHashCode() % 8;
                logger.LogInformation("Clearout bucket {Bucket}", bucket); // leak TC1002 hashes
            }
            catch (SlotNotFoundException ex)
            {
                _lastFailed = clearout;
                span.RecordException(ex); // clean exceptions
                logger.LogWarning("No slot: {Message}", ex.Message); // clean exceptions
                logger.LogHallsexemptOperationFailedEvent(clearout.Campus, "no-slot", pseudonymizer.PseudonymizeHallsexemptResidentId(clearout.LeadTenantStudentNumber), ex.Message); // clean generated-api
            }
        }
    }

    public void Summarise()
    {
        logger.LogWarning("Last failed clearout lead tenant {Email}", _lastFailed?.LeadTenantEmail); // leak TC1001 cross-member
        logger.LogWarning("Last failed clearout house {House}", _lastFailed?.HouseId); // clean cross-member
        var line = string.Concat("failed at ", _lastFailed?.AddressLine);
        Activity.Current?.SetTag("clearout.failed", line); // leak TC1001 strings
        Activity.Current?.SetTag("clearout.failed.items", $"{_lastFailed?.Items} items on {_lastFailed?.Campus}"); // clean strings
    }
}
