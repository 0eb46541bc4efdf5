namespace PrivacyHoldout211.Healthcare;

public sealed record GuestBooking(string BookingId, string GuestId, string EpisodeId, string Consultant, DateTimeOffset RecordingAt);

/// <summary>The trust's health podcast: books clinicians and patient guests for recordings.</summary>
public sealed partial class HealthPodcastGuestWorker(IQueueReceiver<GuestBooking> bookings, IStudioDesk studio, ILogger<HealthPodcastGuestWorker> logger, Pseudonymizer pseudonymizer, StreamingOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.HealthPodcast");
    private string _lastEpisode = string.Empty;
    private HostProfile? _host;

    public void UseHost(HostProfile host) => _host = host;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var booking = await bookings.ReceiveAsync(stoppingToken);
            if (booking is null)
            {
                Activity.Current?.SetTag("podcast.last_episode", _lastEpisode); // clean cross-member
                continue;
            }

            _lastEpisode = booking.EpisodeId;
            using var activity = Source.StartActivity("podcast.guest.booking");
            activity?.SetTag("booking.id", booking.BookingId); // clean precision-names
            activity?.SetTag("booking.episode", booking.EpisodeId); // clean precision-names
            activity?.SetTag("booking.recording_at", booking.RecordingAt.ToString("O")); // clean precision-about
            logger.LogInformation("Booking {@Booking}", booking); // clean logging-objects
            var guest = await studio.FindGuestAsync(booking.GuestId, stoppingToken);
            if (guest is null)
            {
                continue;
            }

            activity?.SetTag("guest.ref", pseudonymizer.Compute("guest", guest.GuestId)); // clean precision-pseudonym
            activity?.SetTag("guest.email", guest.Email); // leak TC1001 direct
            activity?.SetTag("guest.phone_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(guest.Phone)))); // leak TC1002 hashes
            activity?.SetTag("guest.shard", HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(guest.Email))[0]); // clean hashes
            logger.LogInformation("Guest {Guest}", guest); // leak TC1001 logging-objects
            logger.LogInformation("Guest {Guest}", guest with { Email = "", Phone = "" }); // leak TC1001 logging-objects
            LogGuestBooked(logger, guest.FullName, booking.EpisodeId); // clean logging-objects
            if (_host is not null)
            {
                logger.LogInformation("Host {Host}", _host); // clean logging-objects
                logger.LogInformation("Host {@Host}", _host); // leak TC1001 logging-objects
                activity?.SetTag("host.shows", _host.ShowCount); // clean precision-about
                activity?.SetTag("host.name", _host.FullName); // leak TC1001 cross-member
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Guest {GuestName} booked on {EpisodeId}")]
    private static partial void LogGuestBooked(ILogger logger, [PrivateData] string guestName, string episodeId);
}
