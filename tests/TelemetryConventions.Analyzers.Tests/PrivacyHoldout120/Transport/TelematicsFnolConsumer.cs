namespace PrivacyHoldout120.Transport;

public sealed record CrashEvent(string BoxImei, string MemberId, string Plate, double Latitude, double Longitude, double PeakG, double SpeedKph, DateTimeOffset At);

/// <summary>Reads the telematics platform's crash topic (keyed by the box's IMEI) and opens a first notice of loss for the car club member driving.</summary>
public sealed class TelematicsFnolConsumer(
    IConsumer<string, CrashEvent> consumer,
    IClaimsApi claims,
    Pseudonymizer pseudonymizer,
    ILogger<TelematicsFnolConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("CarClub.Telematics.Fnol");
    private static readonly Meter Meter = new("CarClub.Telematics.Fnol");
    private static readonly Counter<long> Crashes = Meter.CreateCounter<long>("telematics.crashes");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("telematics.crash", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            var crash = result.Message.Value;
            activity?.SetTag("crash.peak_g", crash.PeakG); // clean precision-about
            activity?.SetTag("crash.position", $"{crash.Latitude:F5},{crash.Longitude:F5}"); // leak TC1001 strings
            activity?.SetTag("crash.area", $"{Math.Round(crash.Latitude, 1)},{Math.Round(crash.Longitude, 1)}"); // clean precision-about
            activity?.SetTag("vehicle.plate", crash.Plate); // leak TC1001 direct
            logger.LogWarning("Crash {Crash}", crash); // leak TC1001 logging-objects

            var intake = await claims.SubmitFnolAsync(new FirstNoticeOfLoss(crash.MemberId, crash.At, "collision", $"telematics crash {crash.PeakG:0.0}g at {crash.SpeedKph:0} kph", "telematics", "n/a", new LossLocation(crash.Latitude, crash.Longitude, null)), stoppingToken);
            using var claim = Source.StartMotorclaimClaim(intake.ClaimId);
            claim.SetMotorclaimPeril("collision").SetMotorclaimDriverId(pseudonymizer.PseudonymizeMotorclaimDriverId(crash.MemberId)); // clean precision-pseudonym
            claim.SetMotorclaimNote($"crash at {crash.Latitude:F5},{crash.Longitude:F5}, plate {crash.Plate}"); // leak TC1001 generated-api
            Crashes.Add(1, new KeyValuePair<string, object?>("box", crash.BoxImei)); // leak TC1003 direct
            Crashes.Add(1, new KeyValuePair<string, object?>("severity", crash.PeakG > 4 ? "severe" : "minor")); // clean precision-about
            consumer.Commit(result);
        }
    }
}
