import { Input } from "antd";
import { useEffect, useRef, useState } from "react";
import { SearchOutlined } from "./icons.tsx";

/**
 * A text box that reports what was typed after a short pause, so the server is not asked on
 * every keystroke. It follows `value` when that changes from outside (back button, shared link).
 */
export function SearchBox(props: {
  value: string;
  onSearch(value: string): void;
  placeholder: string;
  delay?: number;
  style?: React.CSSProperties;
}) {
  const { value, onSearch, delay = 350 } = props;
  const [text, setText] = useState(value);
  const reported = useRef(value);
  const report = useRef(onSearch);
  useEffect(() => {
    report.current = onSearch;
  }, [onSearch]);

  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === reported.current) return;
    const timer = setTimeout(() => {
      reported.current = text;
      report.current(text);
    }, delay);
    return () => clearTimeout(timer);
  }, [text, delay]);

  return (
    <Input
      type="search"
      allowClear
      prefix={<SearchOutlined />}
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => {
        reported.current = text;
        report.current(text);
      }}
      style={props.style}
    />
  );
}
