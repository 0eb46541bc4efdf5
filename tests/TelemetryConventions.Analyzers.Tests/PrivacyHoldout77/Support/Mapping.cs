namespace Mapkit;

// The object mapper (AutoMapper's shapes) and the attribute of the source-generated mappers
// (Mapperly's). What prints what:
// - AutoMapperMappingException names the two types and the destination member path, never a value.
// - Mapped DTOs are the projects' own records and print their members as records do.

public interface IMapper
{
    TDestination Map<TDestination>(object source);

    TDestination Map<TSource, TDestination>(TSource source, TDestination destination);
}

public abstract class Profile
{
    private readonly List<(Type Source, Type Destination)> _maps = new();

    public IReadOnlyList<(Type Source, Type Destination)> Maps => _maps;

    protected void CreateMap<TSource, TDestination>() => _maps.Add((typeof(TSource), typeof(TDestination)));
}

public sealed class AutoMapperMappingException(Type source, Type destination, string? memberPath, Exception? inner = null)
    : Exception($"Error mapping types.{Environment.NewLine}{Environment.NewLine}Mapping types:{Environment.NewLine}{source.Name} -> {destination.Name}{Environment.NewLine}Destination Member:{Environment.NewLine}{memberPath}", inner)
{
    public Type SourceType { get; } = source;

    public Type DestinationType { get; } = destination;

    public string? MemberPath { get; } = memberPath;
}

/// <summary>Marks a partial class whose mapping methods a source generator implements.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MapperAttribute : Attribute;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class MapperIgnoreSourceAttribute(string source) : Attribute
{
    public string Source { get; } = source;
}
