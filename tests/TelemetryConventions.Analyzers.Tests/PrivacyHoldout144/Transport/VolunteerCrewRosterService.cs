namespace PrivacyHoldout144.Transport;

/// <summary>
/// The museum's heritage vehicles are crewed by volunteers: drivers with a PCV licence, conductors and gallery
/// guides. The roster service fills open slots, checks qualifications and texts the volunteer.
/// </summary>
public sealed class VolunteerCrewRosterService(
    IVolunteerRegister register,
    IVolunteerTexts texts,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<VolunteerCrewRosterService> logger)
{
    private const string Line = "tramway-loop";

    private readonly Counter<long> _shifts = meter.CreateCounter<long>("transitmuseum.roster.shifts");
    private readonly Dictionary<string, string> _driversBySlot = new();
    private string? _lastUnqualified;

    public async Task FillAsync(string slotId, string volunteerNumber, CancellationToken cancellationToken)
    {
        using var span = source.StartTransitmuseumOperation(Line, spanName: "roster.fill");
        span.SetTransitmuseumVolunteerId(pseudonymizer.PseudonymizeTransitmuseumVolunteerId(volunteerNumber)); // clean precision-pseudonym

        var volunteer = await register.FindAsync(volunteerNumber, cancellationToken);
        if (volunteer is null)
        {
            return;
        }

        var qualifications = await register.QualificationsAsync(volunteerNumber, cancellationToken);
        Activity.Current?.SetTag("transitmuseum.volunteer.roles", string.Join(",", qualifications.Select(q => q.Role))); // clean strings
        Activity.Current?.SetTag("transitmuseum.volunteer.licence_count", qualifications.Count(q => q.PcvLicenceNumber is not null)); // clean precision-names
        foreach (var qualification in qualifications.Where(q => q.PcvLicenceNumber is not null && q.ValidUntil < DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            var expired = new LicenceExpiredException(volunteer.FullName, qualification.ValidUntil);
            logger.LogWarning(expired, "Driver's licence lapsed"); // leak TC1001 exceptions
            logger.LogWarning("PCV licence {Licence} lapsed on {Date}", qualification.PcvLicenceNumber, qualification.ValidUntil); // leak TC1001 direct
        }

        try
        {
            var slot = await register.FillAsync(slotId, volunteerNumber, cancellationToken);
            logger.LogInformation("Slot filled {Slot}", slot); // leak TC1001 logging-objects
            logger.LogInformation("Slot {SlotId} on {Line} filled as {Role}", slot.SlotId, slot.Line, slot.Role); // clean precision-names
            _shifts.Add(1, new KeyValuePair<string, object?>("transitmuseum.role", slot.Role)); // clean precision-about
            _shifts.Add(1, new KeyValuePair<string, object?>("transitmuseum.volunteer", volunteerNumber)); // leak TC1003 direct
            if (slot.Role == "driver")
            {
                _driversBySlot[slot.SlotId] = volunteer.FullName;
            }
        }
        catch (CrewNotQualifiedException ex)
        {
            _lastUnqualified = volunteerNumber;
            span.RecordException(ex); // clean exceptions
            span.SetTransitmuseumOutcome($"not-qualified:{ex.Role}"); // clean exceptions
            logger.LogTransitmuseumOperationFailedEvent(Line, "not-qualified", transitmuseumNote: ex.Message); // leak TC1001 generated-api
            return;
        }
        catch (SlotFilledException ex)
        {
            logger.LogInformation(ex, "Slot already taken"); // clean exceptions
            return;
        }

        await texts.SendAsync(volunteer.Mobile, $"You're on {slotId}. Thank you!", cancellationToken);
        Activity.Current?.SetTag("transitmuseum.text.mobile_prefix", volunteer.Mobile[..3]); // clean precision-about
        logger.LogDebug("Rostered volunteer {Volunteer}", volunteer); // leak TC1001 logging-objects

        var legacyKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(volunteerNumber)))[..8];
        Activity.Current?.SetTag("transitmuseum.volunteer.legacy_key", legacyKey); // leak TC1002 hashes
    }

    public void PublishRoster()
    {
        logger.LogInformation("Slots with a driver: {Slots}", _driversBySlot.Keys); // clean cross-member
        logger.LogInformation("Drivers by slot: {Drivers}", _driversBySlot); // leak TC1001 cross-member
        Activity.Current?.SetTag("transitmuseum.roster.last_unqualified", _lastUnqualified); // leak TC1001 cross-member
    }
}
