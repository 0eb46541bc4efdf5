namespace PrivacyHoldout157.Education;

/// <summary>A student on a field trip. Prints student number, name, dietary needs and whether they are under 18.</summary>
public sealed record TripStudent(string StudentNumber, string Name, string DietaryNeeds, bool Minor);

/// <summary>A field trip's hostel booking. Prints trip code, hostel, the leader's staff number and mobile, and the students.</summary>
public sealed record FieldTripBooking(string TripCode, string HostelCode, string LeaderStaffNumber, string LeaderMobile, IReadOnlyList<TripStudent> Students);

public interface IHostelGroupDesk
{
    Task<RoomBlock> HoldAsync(string hostelCode, string tripCode, int beds, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RoomingEntry>> RoomingListAsync(string blockCode, IReadOnlyList<string> names, CancellationToken cancellationToken = default);
}

/// <summary>Books youth hostel rooms for a department's residential field trips and sends the rooming list.</summary>
public sealed class FieldTripHostelBookings(IHostelGroupDesk desk, IGuestMessenger messenger, Pseudonymizer pseudonymizer, ILogger<FieldTripHostelBookings> logger)
{
    private static readonly ActivitySource Source = new("Campus.FieldTrips");
    private readonly List<string> _studentsWithoutBed = new();
    private FieldTripBooking? _lastBooking;

    public async Task<RoomBlock> BookAsync(FieldTripBooking booking, CancellationToken cancellationToken)
    {
        _lastBooking = booking;
        using var span = Source.StartHallletsOperation(booking.HostelCode);
        span.SetHallletsGuestId(pseudonymizer.PseudonymizeHallletsGuestId(booking.LeaderStaffNumber)); // clean precision-pseudonym
        span.SetHallletsNightCount(booking.Students.Count); // clean precision-about
        Activity.Current?.SetTag("trip.code", booking.TripCode); // clean direct
        Activity.Current?.SetTag("trip.leader_mobile", booking.LeaderMobile); // leak TC1001 direct
        Activity.Current?.SetTag("trip.minor_count", booking.Students.Count(s => s.Minor)); // clean precision-names
        Activity.Current?.SetTag("trip.dietary_count", booking.Students.Count(s => s.DietaryNeeds.Length > 0)); // clean precision-about

        var block = await desk.HoldAsync(booking.HostelCode, booking.TripCode, booking.Students.Count, cancellationToken);
        logger.LogInformation("Held {@Block} for trip {TripCode}", block, booking.TripCode); // clean logging-objects

        var rooming = await desk.RoomingListAsync(block.BlockCode, booking.Students.Select(s => s.Name).ToList(), cancellationToken);
        logger.LogInformation("Rooming list: {Rooming}", string.Join("; ", rooming.Select(r => $"{r.RoomNumber}: {r.GuestName}"))); // leak TC1001 strings
        logger.LogInformation("Rooms used: {Rooms}", string.Join(",", rooming.Select(r => r.RoomNumber).Distinct())); // clean strings

        foreach (var student in booking.Students.Where(s => rooming.All(r => r.GuestName != s.Name)))
        {
            _studentsWithoutBed.Add(student.StudentNumber);
        }

        foreach (var student in booking.Students.Where(s => s.DietaryNeeds.Length > 0))
        {
            logger.LogInformation("Dietary request for {Trip}: {Needs}", booking.TripCode, student.DietaryNeeds); // leak TC1001 direct
            logger.LogDebug("Dietary request of {Length} characters for {StudentKey}", student.DietaryNeeds.Length, pseudonymizer.ComputeHallletsStudentId(student.StudentNumber)); // clean precision-pseudonym
        }

        await messenger.TextAsync(booking.LeaderMobile, $"Hostel block {block.BlockCode} held, release {block.ReleaseDate:d}", cancellationToken);
        span.SetHallletsNote(TripSummary(booking)); // leak TC1001 generated-api
        span.SetHallletsOutcome(RoomingSummary(rooming)); // clean generated-api
        return block;
    }

    public void ReportUnplaced()
    {
        logger.LogWarning("Students without a hostel bed: {Students}", _studentsWithoutBed); // leak TC1001 cross-member
        logger.LogWarning("{Count} students without a hostel bed", _studentsWithoutBed.Count); // clean cross-member
        Activity.Current?.SetTag("trip.last_leader", _lastBooking?.LeaderStaffNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("trip.last_code", _lastBooking?.TripCode); // clean cross-member
    }

    private static string TripSummary(FieldTripBooking booking) =>
        $"{booking.TripCode}: {string.Join(", ", booking.Students.Select(s => $"{s.Name} ({s.StudentNumber})"))}";

    private static string RoomingSummary(IReadOnlyList<RoomingEntry> rooming) =>
        $"{rooming.Count} students in {rooming.Select(r => r.RoomNumber).Distinct().Count()} rooms";
}
