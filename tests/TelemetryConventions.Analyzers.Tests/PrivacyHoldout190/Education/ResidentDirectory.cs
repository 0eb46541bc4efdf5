namespace PrivacyHoldout190.Education;

public sealed record HallResident(string StudentNumber, string FullName, string UniversityEmail, string RoomId);

/// <summary>Who lives where in halls, cached for the access desk.</summary>
public sealed class ResidentDirectory(ILogger<ResidentDirectory> logger, Pseudonymizer pseudonymizer)
{
    private readonly Dictionary<string, HallResident> _byRoom = new();

    private HallResident? Current { get; set; }

    public void Load(IEnumerable<HallResident> residents)
    {
        foreach (var resident in residents)
        {
            _byRoom[resident.RoomId] = resident;
        }

        Activity.Current?.SetTag("halls.directory.size", _byRoom.Count); // clean precision-about
    }

    public void Select(string roomId)
    {
        Current = _byRoom.GetValueOrDefault(roomId);
        Activity.Current?.SetTag("halls.directory.room", roomId); // clean precision-names
    }

    public void Trace()
    {
        Activity.Current?.SetTag("halls.directory.resident", ResidentEmail()); // leak TC1001 cross-member
        Activity.Current?.SetTag("halls.directory.resident_name", Current?.FullName); // leak TC1001 cross-member
        Activity.Current?.SetTag("halls.directory.resident_id", pseudonymizer.ComputeHallkeyClientId(Current?.StudentNumber ?? string.Empty)); // clean precision-pseudonym
        logger.LogInformation("Desk looked up {Names}", string.Join("; ", _byRoom.Values.Select(r => r.FullName))); // leak TC1001 strings
        logger.LogInformation("Desk looked up {Rooms}", string.Join("; ", _byRoom.Keys)); // clean strings
    }

    private string? ResidentEmail() => Current?.UniversityEmail;
}
