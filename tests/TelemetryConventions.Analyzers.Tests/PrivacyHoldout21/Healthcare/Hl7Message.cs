using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PrivacyHoldout21.Healthcare;

/// <summary>A field of the message could not be read; the message says which.</summary>
public sealed class Hl7ParseException(string message) : Exception(message);

/// <summary>A segment the message type requires is absent.</summary>
public sealed class SegmentMissingException(string segmentId) : Exception($"Required segment {segmentId} is missing")
{
    public string SegmentId { get; } = segmentId;
}

/// <summary>One segment of an HL7 v2 message, read by field position as the standard numbers them.</summary>
public sealed class Hl7Segment
{
    private readonly string[] _fields;
    private readonly bool _isHeader;

    public Hl7Segment(string raw)
    {
        Raw = raw;
        _fields = raw.Split('|');
        _isHeader = _fields[0] == "MSH";
    }

    public string Raw { get; }

    public string Id => _fields[0];

    public int FieldCount => _fields.Length - 1;

    /// <summary>Field <paramref name="position"/> (MSH-1 is the separator itself, so MSH fields are shifted by one).</summary>
    public string this[int position]
    {
        get
        {
            var index = _isHeader ? position - 1 : position;
            return index < _fields.Length ? _fields[index] : string.Empty;
        }
    }

    public string Component(int position, int component)
    {
        var parts = this[position].Split('^');
        return component <= parts.Length ? parts[component - 1] : string.Empty;
    }

    public IReadOnlyList<string> Repetitions(int position) => this[position].Split('~', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => Raw;
}

/// <summary>An HL7 v2 message split into segments (carriage-return separated).</summary>
public sealed class Hl7Message
{
    private readonly List<Hl7Segment> _segments;

    private Hl7Message(List<Hl7Segment> segments) => _segments = segments;

    public static Hl7Message Parse(string text)
    {
        var segments = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(line => new Hl7Segment(line)).ToList();
        if (segments.Count == 0 || segments[0].Id != "MSH")
        {
            throw new SegmentMissingException("MSH");
        }

        return new Hl7Message(segments);
    }

    public Hl7Segment Msh => _segments[0];

    public int SegmentCount => _segments.Count;

    public string MessageType => Msh.Component(9, 1) + "^" + Msh.Component(9, 2);

    public string TriggerEvent => Msh.Component(9, 2);

    public string ControlId => Msh[10];

    public string Version => Msh[12];

    public string SendingApplication => Msh.Component(3, 1);

    public string SendingFacility => Msh.Component(4, 1);

    public Hl7Segment? Find(string id) => _segments.FirstOrDefault(s => s.Id == id);

    public Hl7Segment Required(string id) => Find(id) ?? throw new SegmentMissingException(id);

    public IEnumerable<Hl7Segment> All(string id) => _segments.Where(s => s.Id == id);
}

/// <summary>Builds the ACK the sending system waits for (original acknowledgement mode).</summary>
public static class Ack
{
    public static string Build(Hl7Message request, string code, string? text = null)
    {
        var now = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var header = $"MSH|^~\\&|CLINIC-ENGINE|RXX|{request.SendingApplication}|{request.SendingFacility}|{now}||ACK^{request.TriggerEvent}^ACK|{Guid.NewGuid():N}|P|{request.Version}";
        var msa = $"MSA|{code}|{request.ControlId}";
        return text is null ? $"{header}\r{msa}\r" : $"{header}\r{msa}|{Escape(text)}\r";
    }

    private static string Escape(string text) => text.Replace("\\", "\\E\\").Replace("|", "\\F\\").Replace("^", "\\S\\");
}

/// <summary>The patient as the PID segment describes them.</summary>
public sealed record PatientIdentity(string HospitalNumber, string? NhsNumber, string FamilyName, string GivenName, DateOnly? BirthDate, string? Postcode);

public static class PidMapper
{
    private const string NhsAuthority = "NHS";

    public static PatientIdentity Map(Hl7Segment pid)
    {
        string? hospitalNumber = null;
        string? nhsNumber = null;
        foreach (var cx in pid.Repetitions(3))
        {
            var parts = cx.Split('^');
            var authority = parts.Length > 3 ? parts[3].Split('&')[0] : string.Empty;
            if (authority == NhsAuthority)
            {
                nhsNumber = parts[0];
            }
            else
            {
                hospitalNumber ??= parts[0];
            }
        }

        if (hospitalNumber is null)
        {
            throw new Hl7ParseException("PID-3 carries no local hospital number");
        }

        if (nhsNumber is not null && !NhsNumbers.IsValid(nhsNumber))
        {
            throw new Hl7ParseException($"PID-3 NHS number {nhsNumber} fails its check digit");
        }

        var name = pid[5].Split('~')[0].Split('^');
        DateOnly? birthDate = DateOnly.TryParseExact(pid[7].PadRight(8)[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) ? born : null;
        var postcode = pid[11].Split('^').ElementAtOrDefault(4);
        return new PatientIdentity(hospitalNumber, nhsNumber, name[0], name.ElementAtOrDefault(1) ?? string.Empty, birthDate, postcode);
    }
}

public static class NhsNumbers
{
    /// <summary>Modulus 11 check of a ten-digit NHS number.</summary>
    public static bool IsValid(string number)
    {
        if (number.Length != 10 || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (number[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        check = check == 11 ? 0 : check;
        return check != 10 && check == number[9] - '0';
    }
}
