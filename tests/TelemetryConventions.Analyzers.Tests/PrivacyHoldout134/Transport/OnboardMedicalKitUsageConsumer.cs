namespace PrivacyHoldout134.Transport;

/// <summary>A use of the sleeper train's medical kit, reported by the train manager's handset.</summary>
public sealed record KitUseReport(string ServiceId, string Coach, string KitItem, int Quantity, string PassengerBookingRef, string PassengerName, string? PassengerAllergies, string TrainManagerStaffNumber, bool DoctorOnBoard);

/// <summary>Consumes reports of the onboard medical kit's use (adrenaline, salbutamol, paracetamol) for restocking and the incident log.</summary>
public sealed class OnboardMedicalKitUsageConsumer(IConsumer<string, KitUseReport> consumer, Pseudonymizer pseudonymizer, ILogger<OnboardMedicalKitUsageConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Sleeper.MedicalKit");
    private static readonly Meter Meter = new("Sleeper.MedicalKit");
    private static readonly Counter<long> ItemsUsed = Meter.CreateCounter<long>("sleeper.kit.items_used");
    private readonly RailohReviewDurationHistogram _duration = Meter.CreateRailohReviewDurationHistogram();

    private string? _lastTrainManager;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var report = result.Message.Value;
            using var span = Source.StartRailohReview(railohDepot: report.ServiceId, spanName: "sleeper.kit_use");
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            span.SetRailohMedicine(report.KitItem); // clean precision-names
            span.SetRailohItemCount(report.Quantity); // clean precision-about
            span.Activity?.SetTag("sleeper.coach", report.Coach); // clean precision-names
            span.Activity?.SetTag("sleeper.doctor_on_board", report.DoctorOnBoard); // clean precision-about
            span.Activity?.SetTag("sleeper.booking", report.PassengerBookingRef); // clean precision-names
            span.Activity?.SetTag("sleeper.passenger.allergies", report.PassengerAllergies); // leak TC1001 direct
            span.Activity?.SetTag("sleeper.passenger", report.PassengerName); // leak TC1001 direct
            logger.LogInformation("Kit use {Report}", report); // leak TC1001 logging-objects
            logger.LogInformation("Restock {Item} x{Quantity} for {Service} coach {Coach}", report.KitItem, report.Quantity, report.ServiceId, report.Coach); // clean precision-names
            ItemsUsed.Add(report.Quantity, new TagList { { "item", report.KitItem }, { "service", report.ServiceId } }); // clean precision-names
            _lastTrainManager = report.TrainManagerStaffNumber;
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, railohDepot: report.ServiceId, railohMedicine: report.KitItem); // clean generated-api
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void FlagMissingSignOff() =>
        logger.LogWarning("Kit sign-off missing from train manager {StaffNumber}", _lastTrainManager); // leak TC1001 cross-member
}
