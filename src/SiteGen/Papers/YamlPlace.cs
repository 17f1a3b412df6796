namespace SiteGen.Papers;

/// <summary>Where a scalar stands in the front matter, which decides what YAML lets it show unquoted.</summary>
internal enum YamlPlace
{
    /// <summary>A value in a block mapping: <c>key: value</c>.</summary>
    BlockValue,

    /// <summary>A key in a block mapping.</summary>
    BlockKey,

    /// <summary>An item of a flow list: <c>[a, b]</c>, where commas and brackets would end it.</summary>
    FlowItem,
}
