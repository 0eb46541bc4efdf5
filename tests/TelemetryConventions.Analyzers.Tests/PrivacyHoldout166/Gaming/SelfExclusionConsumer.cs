namespace PrivacyHoldout166.Gaming;

/// <summary>Reads the national scheme's registrations from a topic keyed by the scheme reference and closes matching accounts.</summary>
public sealed partial class SelfExclusionConsumer(
    IConsumer<string, ExclusionRegistration> consumer,
    IAccountStore accounts,
    Pseudonymizer pseudonymizer,
    ILogger<SelfExclusionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Sportsbook.Exclusion");
    private static readonly Meter Meter = new("Sportsbook.Exclusion");
    private static readonly Counter<long> Closed = Meter.CreateCounter<long>("sportsbook.exclusion.closed");

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration {SchemeReference} read from partition {Partition}")]
    private partial void RegistrationRead(string schemeReference, int partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account closed for self-excluded {Email}")]
    private partial void AccountClosed([PrivateData] string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No account for {Email} ({Status})")]
    private partial void NoAccount(string email, string status);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var registration = result.Message.Value;
            using var activity = Source.StartActivity("exclusion.apply");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            RegistrationRead(registration.SchemeReference, result.Partition); // leak TC1001 direct
            activity?.SetTag("exclusion.period.status", registration.Status); // clean precision-about
            activity?.SetTag("exclusion.email.domain", registration.Email.Split('@')[1]); // clean precision-about

            var account = await accounts.FindByEmailAsync(registration.Email, stoppingToken);
            if (account is null)
            {
                NoAccount(registration.Email, registration.Status); // leak TC1001 direct
                activity?.SetTag("exclusion.matched", false); // clean precision-about
                consumer.Commit(result);
                continue;
            }

            try
            {
                await accounts.CloseAsync(account.AccountId, "SE", stoppingToken);
                AccountClosed(registration.Email); // clean direct
                var player = pseudonymizer.Pseudonymize("player", account.AccountId.ToString());
                activity?.SetTag("sportsbook.player", player); // clean precision-pseudonym
                Closed.Add(1, new KeyValuePair<string, object?>("status", registration.Status)); // clean precision-about
                Closed.Add(1, new KeyValuePair<string, object?>("account", account.AccountId)); // leak TC1003 direct
            }
            catch (AccountNotFoundException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogError(ex, "Closing failed"); // leak TC1001 exceptions
            }
            catch (Exception ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                logger.LogError("Closing failed with {Error}", ex.GetType().FullName); // clean exceptions
            }

            logger.LogInformation("Registration applied: {Registration}", registration); // leak TC1001 logging-objects
            logger.LogDebug("Registration period {Months} months", registration.Status.Length); // clean precision-about
            var display = $"{registration.FullName} ({registration.Postcode})";
            activity?.SetTag("exclusion.display", display); // leak TC1001 strings
            activity?.SetTag("exclusion.dob_year", registration.DateOfBirth.Year < 1960 ? "pre-1960" : "post-1960"); // clean precision-about
            activity?.SetTag("exclusion.contact", registration.Mobile); // leak TC1001 direct
            consumer.Commit(result);
        }
    }
}
