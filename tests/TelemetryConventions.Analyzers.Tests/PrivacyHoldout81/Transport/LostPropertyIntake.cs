namespace PrivacyHoldout81.Transport;

/// <summary>
/// Queue consumer for mail to lostproperty@ of Metro Lines. Riders describe what they lost, where and
/// when, in their own words ("black leather wallet with my driving licence in the name of Tom Price, left
/// on the 38 towards Clapton"), and often give the travel card they used so the journey can be found.
/// </summary>
public sealed class LostPropertyIntake(
    IQueueReceiver<MimeMessage> receiver,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IRiderAccounts riders,
    ILogger<LostPropertyIntake> logger) : BackgroundService
{
    private static readonly Regex TravelCard = new(@"\b\d{4}\s?\d{4}\s?\d{4}\s?\d{4}\b");
    private static readonly Regex RouteNumber = new(@"\b(?:route|bus|the)\s+(?<route>N?\d{1,3})\b", RegexOptions.IgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var message = await receiver.ReceiveAsync(stoppingToken);
            if (message is null)
            {
                continue;
            }

            using var intake = source.StartLostpropinboxIntake("lostproperty");
            intake.SetLostpropinboxMessageId(message.MessageId); // clean precision-about
            var body = message.TextBody ?? string.Empty;

            var route = RouteNumber.Match(body);
            if (route.Success)
            {
                intake.Activity?.SetTag("transit.route", route.Groups["route"].Value); // clean precision-about
            }

            var card = TravelCard.Match(body).Value.Replace(" ", string.Empty);
            if (card.Length == 16)
            {
                intake.Activity?.SetTag("travel_card.last4", card[^4..]); // clean precision-about
                logger.LogInformation("Lost item report quotes travel card {Card}", card); // leak TC1001 direct
                var rider = await riders.FindByCardAsync(card, stoppingToken);
                if (rider is not null)
                {
                    intake.SetLostpropinboxSenderId(pseudonymizer.PseudonymizeLostpropinboxSenderId(rider.RiderId.ToString())); // clean precision-pseudonym
                    intake.Activity?.SetTag("rider.concession", rider.ConcessionType); // clean precision-names
                }
            }

            var description = new StringBuilder().Append("Lost: ").Append(body.Split('\n')[0]).ToString();
            intake.Activity?.SetTag("lost.description", description); // leak TC1001 strings
            intake.Activity?.SetTag("lost.description.words", body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            intake.Activity?.SetTag("lost.category", Categorise(body)); // clean precision-about
            intake.Activity?.SetTag("mail.date", message.Date.ToString("yyyy-MM-dd")); // clean precision-about

            logger.LogInformation("Lost property report {Report}", message); // leak TC1001 logging-objects
            meter.CreateLostpropinboxMessagesReceivedCounter().Add(1, "lostproperty", Categorise(body)); // clean precision-about
        }
    }

    private static string Categorise(string body) =>
        body.Contains("wallet", StringComparison.OrdinalIgnoreCase) ? "wallet"
        : body.Contains("phone", StringComparison.OrdinalIgnoreCase) ? "phone"
        : body.Contains("bag", StringComparison.OrdinalIgnoreCase) ? "bag"
        : "other";
}

public sealed record RiderAccount(Guid RiderId, string Email, string ConcessionType);

public interface IRiderAccounts
{
    Task<RiderAccount?> FindByCardAsync(string cardNumber, CancellationToken cancellationToken);
}
