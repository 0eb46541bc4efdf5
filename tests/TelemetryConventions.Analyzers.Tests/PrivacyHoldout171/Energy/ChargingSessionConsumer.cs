using System.Text.Json;

namespace PrivacyHoldout171.Energy;

/// <summary>A car club member charging a shared EV at one of the supplier's public chargers, or at home.</summary>
public sealed record ChargingSession(string SessionId, string ChargerId, string MemberId, string? HomeChargerSerial, double KilowattHours, string Tariff, string SharedCarVin);

/// <summary>Consumes charging sessions from the charge point network's topic, keyed by charger id, and bills the car club.</summary>
public sealed class ChargingSessionConsumer(IConsumer<string, string> consumer, Pseudonymizer pseudonymizer, ILogger<ChargingSessionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Grid.Charging");
    private static readonly Meter Meter = new("Grid.Charging");
    private static readonly Counter<double> Energy = Meter.CreateCounter<double>("grid.charging.energy", "kWh");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var session = JsonSerializer.Deserialize<ChargingSession>(result.Message.Value)!;
            using var activity = Source.StartActivity("charging.bill", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("charging.session.id", session.SessionId); // clean precision-names
            activity?.SetTag("charging.tariff", session.Tariff); // clean precision-names
            activity?.SetTag("charging.member", session.MemberId); // leak TC1001 direct
            activity?.SetTag("charging.member.ref", pseudonymizer.PseudonymizeVanhireRenterId(session.MemberId)); // clean precision-pseudonym
            activity?.SetTag("charging.vin", session.SharedCarVin); // clean precision-names

            if (session.HomeChargerSerial is { } serial)
            {
                activity?.SetTag("charging.home.serial", serial); // leak TC1001 direct
                activity?.SetTag("charging.home.model", serial[..3]); // clean precision-about
            }

            Energy.Add(session.KilowattHours, new KeyValuePair<string, object?>("charger", session.ChargerId)); // clean precision-names
            Energy.Add(session.KilowattHours, new KeyValuePair<string, object?>("member", session.MemberId)); // leak TC1003 direct
            logger.LogInformation("Billed session {Session}", session); // leak TC1001 logging-objects
            logger.LogInformation("Billed {Kwh} kWh on charger {ChargerId}", session.KilowattHours, session.ChargerId); // clean precision-about
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
