namespace PrivacyHoldout157.Media;

/// <summary>A journalist's slot in a junket suite. Prints slot id, suite, outlet, the journalist's name and email.</summary>
public sealed record JunketSlot(string SlotId, string Suite, string Outlet, string JournalistName, string JournalistEmail, DateTimeOffset At);

/// <summary>A junket day in a hotel. Prints film, hotel, suites and slots.</summary>
public sealed record JunketDay(string Film, string HotelCode, IReadOnlyList<string> Suites, IReadOnlyList<JunketSlot> Slots);

/// <summary>A slot was double-booked; quotes the suite and the time.</summary>
public sealed class SuiteClashException(string suite, DateTimeOffset at) : Exception($"Suite {suite} double-booked at {at:HH:mm}");

/// <summary>A journalist was not accredited; quotes their email as the accreditation system does.</summary>
public sealed class NotAccreditedException(string email) : Exception($"{email} is not accredited for this junket");

/// <summary>Schedules round-table and one-to-one slots in a hotel's junket suites.</summary>
public sealed partial class PressJunketSuiteScheduler(ILogger<PressJunketSuiteScheduler> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Studio.Junkets");
    private readonly Counter<long> _slots = meter.CreateCounter<long>("junkets.slots");
    private readonly ConcurrentQueue<string> _refusedJournalists = new();

    public void Schedule(JunketDay day, IReadOnlySet<string> accredited)
    {
        using var activity = Source.StartActivity("junket.schedule");
        activity?.SetTag("junket.film", day.Film); // clean direct
        activity?.SetTag("junket.hotel", day.HotelCode); // clean direct
        activity?.SetTag("junket.suite_count", day.Suites.Count); // clean precision-names
        activity?.SetTag("junket.outlets", string.Join(",", day.Slots.Select(s => s.Outlet).Distinct())); // clean strings

        foreach (var slot in day.Slots)
        {
            try
            {
                if (!accredited.Contains(slot.JournalistEmail))
                {
                    throw new NotAccreditedException(slot.JournalistEmail);
                }

                if (day.Slots.Count(s => s.Suite == slot.Suite && s.At == slot.At) > 1)
                {
                    throw new SuiteClashException(slot.Suite, slot.At);
                }

                _slots.Add(1, new KeyValuePair<string, object?>("outlet", slot.Outlet)); // clean direct
                _slots.Add(1, new KeyValuePair<string, object?>("journalist", slot.JournalistName)); // leak TC1003 direct
                LogSlot(logger, slot.Suite, slot.At, slot.JournalistName); // leak TC1001 logging-objects
                LogSlotFor(logger, slot.Suite, slot.JournalistEmail); // clean logging-objects
            }
            catch (NotAccreditedException ex)
            {
                _refusedJournalists.Enqueue(slot.JournalistEmail);
                logger.LogWarning("Junket refusal: {Reason}", ex.Message); // leak TC1001 exceptions
                activity?.AddEvent(new ActivityEvent("junket.refused", tags: new ActivityTagsCollection { ["outlet"] = slot.Outlet, ["slot"] = slot.SlotId })); // clean direct
            }
            catch (SuiteClashException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning("Clash {Slot}", slot); // leak TC1001 logging-objects
            }
        }
    }

    public void DrainRefusals()
    {
        while (_refusedJournalists.TryDequeue(out var email))
        {
            logger.LogInformation("Refused journalist {Email} to be called by publicity", email); // leak TC1001 cross-member
            logger.LogInformation("Refused journalist at {Domain}", email.Split('@')[^1]); // clean precision-about
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Suite {Suite} at {At}: {JournalistName}")]
    private static partial void LogSlot(ILogger logger, string suite, DateTimeOffset at, string journalistName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Suite {Suite} confirmed to {JournalistEmail}")]
    private static partial void LogSlotFor(ILogger logger, string suite, [PrivateData] string journalistEmail);
}
