using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout21.Support.Fhir;

// Stand-ins for the FHIR R4 model and client (the shapes of Hl7.Fhir.Model and Hl7.Fhir.Rest).

public abstract class Resource
{
    public string? Id { get; set; }

    public abstract string TypeName { get; }
}

public enum IdentifierUse { Usual, Official, Temp, Secondary, Old }

public sealed class Identifier
{
    public IdentifierUse? Use { get; set; }

    public string? System { get; set; }

    public string? Value { get; set; }
}

public enum NameUse { Usual, Official, Temp, Nickname, Anonymous, Old, Maiden }

public sealed class HumanName
{
    public NameUse? Use { get; set; }

    public string? Family { get; set; }

    public List<string> Given { get; set; } = [];

    public List<string> Prefix { get; set; } = [];

    public override string ToString() => string.Join(' ', Prefix.Concat(Given).Append(Family ?? string.Empty));
}

public enum ContactPointSystem { Phone, Fax, Email, Pager, Url, Sms, Other }

public sealed class ContactPoint
{
    public ContactPointSystem? System { get; set; }

    public string? Value { get; set; }
}

public sealed class Address
{
    public List<string> Line { get; set; } = [];

    public string? City { get; set; }

    public string? PostalCode { get; set; }

    public string? Country { get; set; }
}

public sealed class Patient : Resource
{
    public override string TypeName => "Patient";

    public List<Identifier> Identifier { get; set; } = [];

    public List<HumanName> Name { get; set; } = [];

    public List<ContactPoint> Telecom { get; set; } = [];

    public List<Address> Address { get; set; } = [];

    public string? BirthDate { get; set; }

    public bool? Active { get; set; }
}

public sealed class Coding
{
    public string? System { get; set; }

    public string? Code { get; set; }

    public string? Display { get; set; }
}

public sealed class CodeableConcept
{
    public List<Coding> Coding { get; set; } = [];

    public string? Text { get; set; }
}

public sealed class ResourceReference
{
    public string? Reference { get; set; }

    public string? Display { get; set; }
}

public sealed class Quantity
{
    public decimal? Value { get; set; }

    public string? Unit { get; set; }
}

public enum ObservationStatus { Registered, Preliminary, Final, Amended, Cancelled, EnteredInError }

public sealed class Observation : Resource
{
    public override string TypeName => "Observation";

    public ObservationStatus? Status { get; set; }

    public CodeableConcept Code { get; set; } = new();

    public ResourceReference? Subject { get; set; }

    public ResourceReference? Encounter { get; set; }

    public List<ResourceReference> Performer { get; set; } = [];

    public Quantity? Value { get; set; }

    public DateTimeOffset? Effective { get; set; }
}

public enum EncounterStatus { Planned, Arrived, InProgress, Finished, Cancelled }

public sealed class Encounter : Resource
{
    public override string TypeName => "Encounter";

    public EncounterStatus? Status { get; set; }

    public Coding? Class { get; set; }

    public ResourceReference? Subject { get; set; }

    public ResourceReference? ServiceProvider { get; set; }
}

public enum IssueSeverity { Fatal, Error, Warning, Information }

public sealed class OperationOutcome : Resource
{
    public override string TypeName => "OperationOutcome";

    public List<IssueComponent> Issue { get; set; } = [];

    public sealed class IssueComponent
    {
        public IssueSeverity? Severity { get; set; }

        public string? Code { get; set; }

        public string? Diagnostics { get; set; }

        public List<string> Expression { get; set; } = [];
    }
}

public enum BundleType { Document, Message, Transaction, TransactionResponse, Batch, BatchResponse, Searchset, Collection }

public sealed class Bundle : Resource
{
    public override string TypeName => "Bundle";

    public BundleType? Type { get; set; }

    public int? Total { get; set; }

    public List<EntryComponent> Entry { get; set; } = [];

    public sealed class EntryComponent
    {
        public string? FullUrl { get; set; }

        public Resource? Resource { get; set; }

        public RequestComponent? Request { get; set; }

        public ResponseComponent? Response { get; set; }
    }

    public sealed class RequestComponent
    {
        public string? Method { get; set; }

        public string? Url { get; set; }
    }

    public sealed class ResponseComponent
    {
        public string Status { get; set; } = "200 OK";

        public string? Location { get; set; }

        public OperationOutcome? Outcome { get; set; }
    }
}

/// <summary>Search parameters, written to the query string in the order they were added.</summary>
public sealed class SearchParams
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public SearchParams Add(string name, string value)
    {
        _parameters.Add(new(name, value));
        return this;
    }

    public SearchParams Where(string criterion)
    {
        var equals = criterion.IndexOf('=');
        return Add(criterion[..equals], criterion[(equals + 1)..]);
    }

    public SearchParams LimitTo(int count) => Add("_count", count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    public string ToQueryString() => string.Join('&', _parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
}

/// <summary>Thrown by the client for a non-success status; the message repeats the server's OperationOutcome.</summary>
public sealed class FhirOperationException(string message, int status, OperationOutcome? outcome) : Exception(message)
{
    public int Status { get; } = status;

    public OperationOutcome? Outcome { get; } = outcome;
}

public class FhirClient(Uri endpoint)
{
    public Uri Endpoint { get; } = endpoint;

    public virtual Task<Bundle> SearchAsync<TResource>(SearchParams query, CancellationToken ct = default) where TResource : Resource
        => Task.FromResult(new Bundle { Type = BundleType.Searchset, Total = 0 });

    public virtual Task<TResource> ReadAsync<TResource>(string location, CancellationToken ct = default) where TResource : Resource
        => throw new FhirOperationException(
            $"Operation was unsuccessful, and returned status 404. OperationOutcome: Overall result: FAILURE (1 errors and 0 warnings) [ERROR] (further diagnostics: Resource {location} is not known)",
            404, null);

    public virtual Task<Bundle> TransactionAsync(Bundle bundle, CancellationToken ct = default)
        => Task.FromResult(new Bundle { Type = BundleType.TransactionResponse });
}
