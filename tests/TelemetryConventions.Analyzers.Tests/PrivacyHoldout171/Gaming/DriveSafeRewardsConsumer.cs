using System.Text.Json;

namespace PrivacyHoldout171.Gaming;

/// <summary>A weekly driving score the car sharing partner sends for a player who linked their membership for in-game rewards.</summary>
public sealed record DrivingScore(string PlayerId, string PartnerMemberId, int Score, double Kilometres, int HarshBrakes, string Week);

/// <summary>Consumes partner driving scores and grants in-game rewards.</summary>
public sealed class DriveSafeRewardsConsumer(IQueueReceiver<string> receiver, Pseudonymizer pseudonymizer, ILogger<DriveSafeRewardsConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.DriveSafe");
    private static readonly Meter Meter = new("Studio.DriveSafe");
    private static readonly Histogram<int> Scores = Meter.CreateHistogram<int>("studio.drivesafe.score");
    private static readonly Counter<long> Rewards = Meter.CreateCounter<long>("studio.drivesafe.rewards");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var json = await receiver.ReceiveAsync(stoppingToken);
            if (json is null)
            {
                continue;
            }

            var score = JsonSerializer.Deserialize<DrivingScore>(json)!;
            using var activity = Source.StartActivity("drivesafe.reward", ActivityKind.Consumer);
            activity?.SetTag("drivesafe.week", score.Week); // clean precision-about
            activity?.SetTag("drivesafe.score", score.Score); // clean precision-about
            activity?.SetTag("drivesafe.harsh_brakes", score.HarshBrakes); // clean precision-about
            activity?.SetTag("drivesafe.partner.member", score.PartnerMemberId); // leak TC1001 direct
            Scores.Record(score.Score, new KeyValuePair<string, object?>("week", score.Week)); // clean precision-about

            var tier = score.Score switch { >= 90 => "gold", >= 70 => "silver", _ => "bronze" };
            Rewards.Add(1, new KeyValuePair<string, object?>("tier", tier)); // clean precision-about
            var playerRef = pseudonymizer.PseudonymizeSquadcarRenterId(score.PlayerId);
            activity?.SetTag("drivesafe.player", playerRef); // clean precision-pseudonym
            Rewards.Add(1, new KeyValuePair<string, object?>("player", playerRef)); // leak TC1003 precision-pseudonym
            logger.LogInformation("Granted {Tier} reward to {PlayerId}", tier, score.PlayerId); // leak TC1001 direct
            logger.LogDebug("Partner payload: {Json}", json); // leak TC1001 logging-objects
            logger.LogInformation("Score {Score} over {Km:F0} km", score.Score, score.Kilometres); // clean precision-about
        }
    }
}
