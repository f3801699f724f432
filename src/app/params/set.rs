//! The validated values of one view's parameters, and whether each matters now ([`super::When`]).
use super::{Notice, ParamSpec, ParamValue, Problem, When, RESERVED};
use crate::app::query::{parse_query, percent_encode};
use crate::core::named::Named;

/// The validated values of one view's parameters, in schema order.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamSet {
    specs: &'static [ParamSpec],
    values: Vec<ParamValue>,
}

impl ParamSet {
    /// Every parameter at its default.
    pub fn defaults(specs: &'static [ParamSpec]) -> Self {
        ParamSet {
            specs,
            values: specs.iter().map(ParamSpec::default_value).collect(),
        }
    }

    /// The schema.
    pub fn specs(&self) -> &'static [ParamSpec] {
        self.specs
    }

    /// Applies a query string (`beta=0.9&seed=3`); reserved page keys are skipped. Returns the
    /// notices; the set stays valid whatever the input.
    pub fn apply_query(&mut self, query: &str) -> Vec<Notice> {
        let (pairs, truncated) = parse_query(query);
        let mut notices = Vec::new();
        if truncated {
            notices.push(Notice::new(
                "query",
                Problem::QueryTooLong,
                "",
                String::new(),
                format!(
                    "only the first {} characters were read",
                    crate::app::query::MAX_QUERY_LEN
                ),
            ));
        }
        for (key, value) in pairs {
            // Page keys are the page's; an empty key (`?=x`, `&&`) carries nothing.
            if key.is_empty() || RESERVED.contains(&key.as_str()) {
                continue;
            }
            match self.specs.iter().position(|s| s.name == key) {
                Some(i) => {
                    let v = self.specs[i].parse(&value, &self.values[i], &mut notices);
                    self.values[i] = v;
                }
                None => notices.push(Notice::new(
                    &key,
                    Problem::UnknownParam,
                    &value,
                    String::new(),
                    format!(
                        "known: {}",
                        self.specs.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
                    ),
                )),
            }
        }
        notices
    }

    /// The canonical query string of every parameter, in schema order.
    pub fn to_query(&self) -> String {
        self.specs
            .iter()
            .zip(&self.values)
            .map(|(s, v)| format!("{}={}", s.name, percent_encode(&v.to_text())))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// `{name: value}` for the embed API's `handle.params()`.
    pub fn to_json(&self) -> serde_json::Value {
        // inserted one by one: collecting into the (sorted) map would link a sort per module
        let mut map = serde_json::Map::new();
        for (s, v) in self.specs.iter().zip(&self.values) {
            map.insert(
                s.name.to_string(),
                serde_json::to_value(v).unwrap_or(serde_json::Value::Null),
            );
        }
        serde_json::Value::Object(map)
    }

    fn get(&self, name: &str) -> Option<&ParamValue> {
        let i = self.specs.iter().position(|s| s.name == name);
        debug_assert!(i.is_some(), "no parameter {name}");
        i.map(|i| &self.values[i])
    }

    /// A float parameter (0.0 if the view asks for a name it does not declare: a bug the
    /// registry test catches).
    pub fn float(&self, name: &str) -> f64 {
        match self.get(name) {
            Some(ParamValue::Float(v)) => *v,
            _ => 0.0,
        }
    }

    /// An int or seed parameter.
    pub fn int(&self, name: &str) -> i64 {
        match self.get(name) {
            Some(ParamValue::Int(v)) => *v,
            _ => 0,
        }
    }

    /// A float or int parameter as a number (NaN for any other kind).
    fn number(&self, name: &str) -> f64 {
        match self.get(name) {
            Some(ParamValue::Float(v)) => *v,
            Some(ParamValue::Int(v)) => *v as f64,
            _ => f64::NAN,
        }
    }

    /// A bool parameter.
    pub fn bool(&self, name: &str) -> bool {
        matches!(self.get(name), Some(ParamValue::Bool(true)))
    }

    /// A choice parameter's option id.
    pub fn choice(&self, name: &str) -> &'static str {
        match self.get(name) {
            Some(ParamValue::Choice(v)) => v,
            _ => "",
        }
    }

    /// A float-list parameter.
    pub fn float_list(&self, name: &str) -> &[f64] {
        match self.get(name) {
            Some(ParamValue::FloatList(v)) => v,
            _ => &[],
        }
    }

    /// A choice parameter read as its core enum (the schema's options are `T::IDS`, so this
    /// parse never fails for a valid set; the first option otherwise).
    pub fn pick<T: Named>(&self, name: &str) -> T {
        T::from_id(self.choice(name))
            .or_else(|| T::IDS.first().and_then(|id| T::from_id(id)))
            .expect("a ChoiceId parses its own first id")
    }

    /// Whether parameter `name` matters with the current values (its [`When`] rule holds).
    pub fn relevant(&self, name: &str) -> bool {
        self.specs
            .iter()
            .find(|s| s.name == name)
            .is_some_and(|s| self.holds(&s.when))
    }

    fn holds(&self, rule: &When) -> bool {
        match rule {
            When::Always => true,
            When::On { param } => self.bool(param),
            When::OneOf { param, values } => values.contains(&self.choice(param)),
            When::NoneOf { param, values } => !values.contains(&self.choice(param)),
            When::Below { param, value } => self.number(param) < *value,
            When::AtLeast { param, value } => self.number(param) >= *value,
            When::All { rules } => rules.iter().all(|r| self.holds(r)),
        }
    }
}
