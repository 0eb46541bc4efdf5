namespace PrivacyHoldout143.Gaming;

/// <summary>A shelter's notice that an adoption from an event went through.</summary>
public sealed record AdoptionCompleted(string AnimalRef, string ChipNumber, Guid PlayerId, string AdopterName, string AdopterEmail, string ShelterName, string Shelter);

/// <summary>
/// Keeps the game's adoptable animals in step with the partner shelters, and when an adoption completes moves the
/// animal's microchip to its new keeper and rewards the player.
/// </summary>
public sealed class AdoptionCompletionWorker(
    IShelterPartner shelters,
    IMicrochipDatabase chips,
    IQueueReceiver<AdoptionCompleted> completions,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<AdoptionCompletionWorker> logger) : BackgroundService
{
    private static readonly string[] Shelters = ["paws-rescue-leeds", "paws-rescue-york"];

    private readonly Dictionary<string, int> _adoptionsByShelter = new(StringComparer.Ordinal);

    private string? _lastAdopterEmail;

    /// <summary>The chip of the last animal whose keeper was changed, for the support desk's status page.</summary>
    public string? LastTransferredChip { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var shelter in Shelters)
        {
            await SyncShelterAsync(shelter, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var done = await completions.ReceiveAsync(stoppingToken);
            if (done is not null)
            {
                await CompleteAsync(done, stoppingToken);
            }
        }

        Report();
    }

    private async Task SyncShelterAsync(string shelter, CancellationToken cancellationToken)
    {
        using var span = source.StartPawquestOperation(shelter);
        var animals = await shelters.AdoptableAsync(shelter, cancellationToken);
        span.SetPawquestAnimalCount(animals.Count); // clean precision-about
        logger.LogInformation("Adoptable at {Shelter}: {Animals}", shelter, animals); // clean logging-objects
        logger.LogDebug("Animal names {Names}", string.Join(", ", animals.Select(a => a.Name))); // clean precision-names
        Activity.Current?.SetTag("pawquest.sync.species", string.Join(",", animals.Select(a => a.Species).Distinct())); // clean strings
    }

    private async Task CompleteAsync(AdoptionCompleted done, CancellationToken cancellationToken)
    {
        using var span = source.StartPawquestOperation(done.Shelter);
        var player = pseudonymizer.PseudonymizePawquestPlayerId(done.PlayerId.ToString());
        span.SetPawquestPlayerId(player);
        Activity.Current?.SetTag("pawquest.animal.ref", done.AnimalRef); // clean precision-names

        var transfer = new KeeperTransfer(done.ChipNumber, done.ShelterName, done.AdopterName, done.AdopterEmail);
        try
        {
            await chips.TransferAsync(transfer, cancellationToken);
            LastTransferredChip = done.ChipNumber;
            logger.LogInformation("Keeper transfer done {Transfer}", transfer); // leak TC1001 logging-objects
            logger.LogInformation("Chip {Chip} now kept by the adopter", done.ChipNumber); // leak TC1001 direct
            Activity.Current?.SetTag("pawquest.chip.country", done.ChipNumber[..3]); // clean precision-about
            span.SetPawquestOutcome("adopted");
        }
        catch (ChipNotRegisteredException ex)
        {
            logger.LogPawquestOperationFailedEvent(done.Shelter, "chip-unregistered", pawquestPlayerId: player, pawquestNote: ex.Message); // leak TC1001 generated-api
        }
        catch (ChipDatabaseUnavailableException ex)
        {
            logger.LogError(ex, "Chip database {Database} down; transfer of {AnimalRef} queued", ex.Database, done.AnimalRef); // clean exceptions
        }

        _lastAdopterEmail = done.AdopterEmail;
        _adoptionsByShelter[done.Shelter] = _adoptionsByShelter.GetValueOrDefault(done.Shelter) + 1;
        var chipKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(done.ChipNumber)));
        Activity.Current?.SetTag("pawquest.chip.key", chipKey); // leak TC1002 hashes
    }

    private void Report()
    {
        logger.LogInformation("Adoptions by shelter {Adoptions}", _adoptionsByShelter); // clean cross-member
        logger.LogInformation("Last adopter {Email}", _lastAdopterEmail); // leak TC1001 cross-member
        Activity.Current?.SetTag("pawquest.last_transfer.chip", LastTransferredChip); // leak TC1001 cross-member
    }
}
